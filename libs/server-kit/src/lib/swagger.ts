import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** Serves Swagger UI at `/docs` and the document at `/openapi.json`. */
export function setupSwagger(
  app: INestApplication,
  options: { title: string; description: string; version: string; apiKeyHeader?: string },
): OpenAPIObject {
  let builder = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(options.description)
    .setVersion(options.version);
  builder = options.apiKeyHeader
    ? builder.addApiKey({ type: 'apiKey', name: options.apiKeyHeader, in: 'header' }, 'api-key')
    : builder.addBearerAuth();
  const document = SwaggerModule.createDocument(app, builder.build());
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'openapi.json',
    swaggerOptions: { persistAuthorization: true },
  });
  return document;
}
