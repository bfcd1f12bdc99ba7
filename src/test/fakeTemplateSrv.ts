/**
 * The data source's TemplateSrv in unit tests: the same interpolation the preview uses
 * (devtools/templateSrv.ts), one implementation for both.
 */
export { StaticTemplateSrv as FakeTemplateSrv } from '../../devtools/templateSrv';
