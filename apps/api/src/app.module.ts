import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AuthModule } from '@crm/api/auth';
import { DatabaseModule } from '@crm/api/database';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { LoggerModule } from 'nestjs-pino';

export interface AppModuleOptions {
  databaseUrl: string;
  jwtSecret: string;
  jwtExpiresIn: string;
  logLevel: string;
  /** The built Angular app to serve at `/`, when it exists. */
  webRoot?: string;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const serveWeb = options.webRoot && existsSync(options.webRoot);
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: options.logLevel,
            genReqId: (req, res) => {
              const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 100) || randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        DatabaseModule.forRoot({ url: options.databaseUrl }),
        AuthModule.forRoot({ jwtSecret: options.jwtSecret, jwtExpiresIn: options.jwtExpiresIn }),
        ...(serveWeb
          ? [ServeStaticModule.forRoot({ rootPath: options.webRoot as string, exclude: ['/api/{*path}'] })]
          : []),
      ],
    };
  }
}
