import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { configureHttp } from '@crm/api/http';
import { AppModule } from './app.module';

/** The app's OpenAPI document, as served at /api/docs-json and committed in apps/api/openapi.json. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Key-account CRM API')
    .setDescription('High-voltage key accounts: one account manager for the whole lifecycle.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** OpenAPI document at /api/docs-json and its UI at /api/docs. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}

/**
 * The document of the whole app without a database: Nest's preview mode builds the module graph
 * (controllers, routes, DTOs) and instantiates no provider, so nothing connects.
 */
export async function openApiDocumentOffline(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(
    AppModule.forRoot({
      databaseUrl: 'postgres://preview@localhost:1/preview',
      jwtSecret: 'p'.repeat(32),
      jwtExpiresIn: '1h',
      logLevel: 'silent',
      jobs: false,
    }),
    { preview: true, logger: false },
  );
  try {
    configureHttp(app);
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
