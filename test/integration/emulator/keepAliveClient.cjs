// Child process of keepAlive.test.ts (a client in another process, as the SDK is for the emulator): two loops of
// POSTs over one kept-alive HTTPS agent, each request sent as soon as the previous answer has been read. Prints
// {"answers": n, "resets": n, "statuses": [...], "largest": bytes} as its last line.
const https = require('node:https');

const { url, token, ca, body, requests } = JSON.parse(process.argv[2]);
const agent = new https.Agent({ keepAlive: true });
const statuses = new Set();
let answers = 0;
let resets = 0;
let largest = 0;

const post = () =>
    new Promise((resolve, reject) => {
        const request = https.request(
            url,
            {
                method: 'POST',
                agent,
                ca,
                headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
            },
            (response) => {
                let bytes = 0;
                response.on('data', (chunk) => {
                    bytes += chunk.length;
                });
                response.on('end', () => {
                    statuses.add(response.statusCode);
                    largest = Math.max(largest, bytes);
                    resolve();
                });
            },
        );
        request.on('error', reject);
        request.end(body);
    });

const loop = async () => {
    for (let i = 0; i < requests; i++) {
        try {
            await post();
            answers++;
        } catch (error) {
            if (error.code !== 'ECONNRESET') throw error;
            resets++;
        }
    }
};

Promise.all([loop(), loop()]).then(() => {
    agent.destroy();
    process.stdout.write(`${JSON.stringify({ answers, resets, statuses: [...statuses], largest })}\n`);
});
