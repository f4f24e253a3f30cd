'use strict';
// The standalone host as a user runs it: the packaged jar (mvn package or verify builds it), on a free
// loopback port, with a fresh data folder and a config file of its own.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const JAR = path.join(ROOT, 'nuxeo-wopi-standalone', 'target', 'nuxeo-wopi-standalone.jar');

/** Starts the jar with `config` (key=value) and resolves once it prints the URL it serves. */
async function startStandalone(config) {
  if (!fs.existsSync(JAR)) {
    throw new Error(`${JAR} is missing: build it first (mvn -B -DskipTests -DwithoutNuxeo package)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wopi-browser-'));
  const data = path.join(dir, 'data');
  const configFile = path.join(dir, 'wopi.conf');
  fs.writeFileSync(configFile, Object.entries(config).map(([k, v]) => `${k}=${v}\n`).join(''));
  const child = spawn('java', ['-jar', JAR, '--port', '0', '--bind', '127.0.0.1', '--data', data, '--config', configFile],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (c) => { err += c; });
  const banner = await new Promise((resolve, reject) => {
    child.stdout.on('data', (c) => {
      out += c;
      // The banner ends with where the seeded users' passwords are (a fresh data folder is seeded).
      if (/Passwords of the seeded users[^\n]*\n/.test(out)) {
        resolve(out);
      }
    });
    child.on('exit', (code) => reject(new Error(`the host exited with ${code}: ${out}${err}`)));
  });
  const url = /serving (http:\/\/\S+)/.exec(banner)[1];
  const passwords = Object.fromEntries(fs.readFileSync(path.join(data, 'initial-passwords'), 'utf8').split('\n')
    .filter((line) => /^\w+=/.test(line)).map((line) => line.split(/=(.*)/s).slice(0, 2)));
  return {
    url,
    banner,
    passwords,
    stop: () => new Promise((resolve) => {
      child.once('exit', () => {
        fs.rmSync(dir, { recursive: true, force: true });
        resolve();
      });
      child.kill('SIGTERM');
    }),
  };
}

module.exports = { startStandalone, ROOT };
