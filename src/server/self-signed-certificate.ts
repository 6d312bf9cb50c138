import { createHash, webcrypto } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A PEM certificate and its private key. */
export interface TlsCredentials {
  cert: string;
  key: string;
  /** Where they are kept, when generated. */
  certFile?: string;
}

function pemOf(label: string, der: ArrayBuffer): string {
  const base64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${base64}${base64.endsWith('\n') ? '' : '\n'}-----END ${label}-----\n`;
}

const IP = /^(\d{1,3}\.){3}\d{1,3}$|:/;

/**
 * Issue 11: a self-signed certificate (ECDSA P-256, one year) for the domain name, the Aliases, `localhost` and
 * `127.0.0.1`, kept in `dir` and reused while the names are the same, so a browser told to trust it once keeps
 * trusting it. Built with @peculiar/x509 on node's WebCrypto, loaded (with the Reflect polyfill its dependency
 * injection needs) only when a certificate is needed.
 */
export async function selfSignedCertificate(names: readonly string[], dir: string): Promise<TlsCredentials> {
  await import('reflect-metadata');
  const x509 = await import('@peculiar/x509');
  const all = [...new Set([...names.map((n) => n.toLowerCase()), 'localhost', '127.0.0.1'])];
  const id = createHash('sha256').update(all.join(',')).digest('hex').slice(0, 12);
  const certFile = join(dir, `edge-dev-${id}.crt`);
  const keyFile = join(dir, `edge-dev-${id}.key`);
  try {
    const kept = { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), certFile };
    if (new x509.X509Certificate(kept.cert).notAfter.getTime() > Date.now() + 86_400_000) return kept;
  } catch {
    // Not generated yet (or unreadable): make a new one.
  }
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const notBefore = new Date(Date.now() - 60_000);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: id,
    name: 'CN=edge-dev local edge, O=edge-dev',
    notBefore,
    notAfter: new Date(notBefore.getTime() + 365 * 86_400_000),
    keys: keys as unknown as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'],
    signingAlgorithm: algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(all.map((name) => ({ type: IP.test(name) ? 'ip' : 'dns', value: name }))),
    ],
  });
  const credentials = { cert: certificate.toString('pem'), key: pemOf('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)), certFile };
  mkdirSync(dir, { recursive: true });
  writeFileSync(certFile, credentials.cert);
  writeFileSync(keyFile, credentials.key, { mode: 0o600 });
  return credentials;
}
