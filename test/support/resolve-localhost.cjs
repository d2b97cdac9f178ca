'use strict';
// RFC 6761 reserves `localhost` and every name under it for the loopback interface. Debian's resolver
// (no nss-myhostname) does not resolve `<vault>.vault.localhost`, so test processes load this file
// (`--require`) to give Node the RFC's answer. It changes nothing for any other name.
const dns = require('node:dns');

const isLocalhostName = (hostname) => typeof hostname === 'string' && /(^|\.)localhost\.?$/i.test(hostname);

const originalLookup = dns.lookup;
dns.lookup = function lookup(hostname, options, callback) {
    if (!isLocalhostName(hostname)) {
        return originalLookup.apply(this, arguments);
    }
    const cb = typeof options === 'function' ? options : callback;
    const opts = typeof options === 'object' && options !== null ? options : {};
    const family = opts.family === 6 ? 6 : 4;
    const address = family === 6 ? '::1' : '127.0.0.1';
    process.nextTick(() => (opts.all ? cb(null, [{ address, family }]) : cb(null, address, family)));
    return {};
};

const originalPromiseLookup = dns.promises.lookup;
dns.promises.lookup = async function lookup(hostname, options) {
    if (!isLocalhostName(hostname)) {
        return originalPromiseLookup.apply(this, arguments);
    }
    const opts = typeof options === 'object' && options !== null ? options : {};
    const family = opts.family === 6 ? 6 : 4;
    const address = family === 6 ? '::1' : '127.0.0.1';
    return opts.all ? [{ address, family }] : { address, family };
};
