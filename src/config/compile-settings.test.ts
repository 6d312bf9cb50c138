import { describe, it, expect } from 'vitest';
import { compileSettings, DEFAULT_GEO } from './compile-settings.js';
import { rootLocation } from './json-location.js';

const loc = rootLocation('edge-dev.config.json', 'settings');

describe('compileSettings', () => {
  it('D43 defaults: the plain listener counts as https; us-east-1; default geo', () => {
    const settings = compileSettings(undefined, loc, { warnings: [] });
    expect(settings).toMatchObject({ viewerProtocol: 'https', region: 'us-east-1', cacheMaxBytes: 268_435_456 });
    expect(settings.geo).toEqual({ ...DEFAULT_GEO });
  });

  it('§6.3 geo overrides by header name, case-insensitively, into a null-prototype map', () => {
    const settings = compileSettings({ geo: { 'CloudFront-Viewer-Country': 'FR' } }, loc, { warnings: [] });
    expect(settings.geo['cloudfront-viewer-country']).toBe('FR');
    expect(settings.geo['cloudfront-viewer-city']).toBe('Seattle');
    expect(Object.getPrototypeOf(settings.geo)).toBeNull();
  });

  it('§6.3 rejects a geo name that is not a location header, with a suggestion', () => {
    expect(() => compileSettings({ geo: { 'CloudFront-Viewer-Contry': 'FR' } }, loc, { warnings: [] })).toThrow(
      /settings\.geo\["CloudFront-Viewer-Contry"\]: .*did you mean "cloudfront-viewer-country"\?/,
    );
  });

  it('rejects a bad region and warns about unknown settings', () => {
    expect(() => compileSettings({ region: 'virginia' }, loc, { warnings: [] })).toThrow(/settings\.region: "virginia" is not an AWS Region/);
    const diagnostics = { warnings: [] as string[] };
    compileSettings({ viewerProtocl: 'http' }, loc, diagnostics);
    expect(diagnostics.warnings[0]).toMatch(/did you mean "viewerProtocol"\?/);
  });
});
