import { HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@crm/api/auth';
import { ApiController, Roles } from '@crm/api/http';
import { ApiError, ImportReport } from '@crm/shared/domain';
import type { Request, Response } from 'express';
import { ImportParamsDto, ImportQueryDto } from './dto/import-request.dto';
import { ImportService } from './import.service';
import { multipartFile } from './multipart-file';

/** CSV import from the billing and metering systems (API.md, "Data import"). */
@ApiController('data import', 'import')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @Post(':kind')
  @Roles('admin')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({
    description: '{kind, accepted, rejected, inserted, updated, unchanged, errors[{row, field, message}]}',
  })
  @ApiUnprocessableEntityResponse({ description: 'The file has bad rows and nothing was imported; the same report' })
  async import(
    @CurrentUser() user: AuthUser,
    @Param() params: ImportParamsDto,
    @Query() query: ImportQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportReport | (ImportReport & ApiError)> {
    const file = await multipartFile(req, 'file');
    try {
      const { imported, report } = await this.imports.run(params.kind, file, {
        partial: query.partial === 'true',
        actorId: user.id,
      });
      if (imported) return report;
      res.status(422);
      return {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message:
          `${report.rejected} row(s) of the file are not valid, so nothing was imported ` +
          '(send ?partial=true to import the valid rows)',
        code: 'import.refused',
        params: { rejected: report.rejected },
        ...report,
      };
    } finally {
      file.resume(); // whatever was not read (after an error), so the request ends cleanly
    }
  }
}
