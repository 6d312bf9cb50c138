import { describe, expect, it } from 'vitest';
import { ACCESS_LOG_FIELDS, ACCESS_LOG_HEADER, encodeLogValue, formatAccessLogLine } from './access-log.js';
import type { AccessLogRecord } from './access-log.js';

// dg:standard-logs-reference › Log file fields: the example line of the CloudFront Developer Guide.
const DOCUMENTED =
  '2019-12-04\t21:02:31\tLAX1\t392\t192.0.2.100\tGET\td111111abcdef8.cloudfront.net\t/index.html\t200\t-\t' +
  'Mozilla/5.0%20(Windows%20NT%2010.0;%20Win64;%20x64)%20AppleWebKit/537.36%20(KHTML,%20like%20Gecko)%20Chrome/78.0.3904.108%20Safari/537.36' +
  '\t-\t-\tHit\tSOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ==\td111111abcdef8.cloudfront.net\thttps\t23\t0.001\t-\tTLSv1.2\t' +
  'ECDHE-RSA-AES128-GCM-SHA256\tHit\tHTTP/2.0\t-\t-\t11040\t0.001\tHit\ttext/html\t78\t-\t-';

describe('standard access log line', () => {
  it('issue 11 (dg:standard-logs-reference) has the documented header lines and 33 fields in order', () => {
    expect(ACCESS_LOG_FIELDS).toHaveLength(33);
    expect(ACCESS_LOG_HEADER).toBe(
      '#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) ' +
        'cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes ' +
        'time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version fle-status ' +
        'fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len ' +
        'sc-range-start sc-range-end\n',
    );
  });

  it('issue 11 (dg:standard-logs-reference) formats the documented example line', () => {
    const record: AccessLogRecord = {
      date: '2019-12-04', time: '21:02:31', 'x-edge-location': 'LAX1', 'sc-bytes': 392, 'c-ip': '192.0.2.100', 'cs-method': 'GET',
      'cs(Host)': 'd111111abcdef8.cloudfront.net', 'cs-uri-stem': '/index.html', 'sc-status': 200, 'cs(Referer)': undefined,
      'cs(User-Agent)': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/78.0.3904.108 Safari/537.36',
      'cs-uri-query': undefined, 'cs(Cookie)': undefined, 'x-edge-result-type': 'Hit',
      'x-edge-request-id': 'SOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ==', 'x-host-header': 'd111111abcdef8.cloudfront.net',
      'cs-protocol': 'https', 'cs-bytes': 23, 'time-taken': '0.001', 'x-forwarded-for': undefined, 'ssl-protocol': 'TLSv1.2',
      'ssl-cipher': 'ECDHE-RSA-AES128-GCM-SHA256', 'x-edge-response-result-type': 'Hit', 'cs-protocol-version': 'HTTP/2.0',
      'fle-status': undefined, 'fle-encrypted-fields': undefined, 'c-port': 11040, 'time-to-first-byte': '0.001',
      'x-edge-detailed-result-type': 'Hit', 'sc-content-type': 'text/html', 'sc-content-len': '78', 'sc-range-start': undefined,
      'sc-range-end': undefined,
    };
    expect(formatAccessLogLine(record)).toBe(DOCUMENTED);
  });

  it('issue 11 (dg:standard-logs-reference) URL-encodes ASCII 0-32, 127 and up and the listed characters; "-" for empty', () => {
    expect(encodeLogValue('')).toBe('-');
    expect(encodeLogValue(undefined)).toBe('-');
    expect(encodeLogValue('a b\tc')).toBe('a%20b%09c');
    expect(encodeLogValue('q=%20&x="<>#{}|\\^~[]`\'')).toBe('q=%2520&x=%22%3C%3E%23%7B%7D%7C%5C%5E%7E%5B%5D%60%27');
    expect(encodeLogValue('/é')).toBe('/%C3%A9');
    expect(encodeLogValue('a=1&b=(2);c,d')).toBe('a=1&b=(2);c,d');
  });
});
