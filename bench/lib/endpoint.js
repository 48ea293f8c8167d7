// What every benchmarked server (the baselines and Steward) hands the runner.

/** A listening HTTP server as a benchmark endpoint: its /graphql URL, and close (then `stop`). */
export function endpoint(server, stop = async () => undefined) {
  return {
    url: `http://127.0.0.1:${server.address().port}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await stop();
    },
  };
}
