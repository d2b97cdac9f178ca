// Reads the emulator's ground truth (`GET /_emulator/state`) so the real-VS-Code tests compare what the
// extension shows with what the emulator holds, instead of with hard-coded expectations.
import * as fs from 'node:fs';
import * as https from 'node:https';

export function getEmulatorJson<T>(relativePath: string): Promise<T> {
  const admin = process.env.E2E_EMULATOR_ADMIN;
  const caPath = process.env.E2E_EMULATOR_CA;
  if (!admin || !caPath) throw new Error('E2E_EMULATOR_ADMIN / E2E_EMULATOR_CA are not set: run through test/runner/e2e.mjs');
  const url = new URL(relativePath, admin);
  return new Promise((resolve, reject) => {
    https.get(url, { ca: fs.readFileSync(caPath) }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        if (response.statusCode !== 200) return reject(new Error(`GET ${url.pathname} → ${response.statusCode}: ${body.slice(0, 200)}`));
        try { resolve(JSON.parse(body) as T); } catch (error) { reject(error); }
      });
    }).on('error', reject);
  });
}
