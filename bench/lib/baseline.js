// Baseline A: the same HTTP stack as Steward (express 5 + express.json + @as-integrations/express5
// + Apollo Server 5 with CSRF prevention + a type-graphql schema) with nothing behind it.
import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { once } from 'node:events';
import { endpoint } from './endpoint.js';
import { Mutation, Query, Resolver, buildSchema } from 'type-graphql';

class BaselineResolver {
  hello() {
    return 'world';
  }
  noop() {
    return true;
  }
}
// Plain JS: the decorators applied by hand, as TypeScript would emit them.
const proto = BaselineResolver.prototype;
Query(() => String)(proto, 'hello', Object.getOwnPropertyDescriptor(proto, 'hello'));
Mutation(() => Boolean)(proto, 'noop', Object.getOwnPropertyDescriptor(proto, 'noop'));
Resolver()(BaselineResolver);

export async function startBaseline() {
  // type-graphql's metadata is global and Steward's resolvers (with @Authorized) are loaded in this
  // process too, so buildSchema insists on an authChecker; nothing in this schema calls it.
  const schema = await buildSchema({ resolvers: [BaselineResolver], validate: false, authChecker: () => true });
  const apollo = new ApolloServer({ schema, csrfPrevention: true, introspection: false });
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  app.use('/graphql', express.json({ limit: '256kb' }), expressMiddleware(apollo, { context: async () => ({}) }));
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return endpoint(server, () => apollo.stop());
}

/**
 * Reference: a bare node:http server answering a fixed GraphQL-shaped body. Not a baseline for the
 * ratios; it shows how far the load generator itself can go on this machine (if Baseline A were
 * close to it, A would be measuring the client, not Apollo).
 */
export async function startBareHttp() {
  const http = await import('node:http');
  const answer = Buffer.from('{"data":{"hello":"world"}}');
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': answer.length });
      res.end(answer);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return endpoint(server);
}
