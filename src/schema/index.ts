import { builder } from './builder';
import './enums';
import './pageAnalysis';
import './target';
import './site';
import './batch';
import './comparison';
import './progress';
import './auditEvent';
import './project';
import './history';
import './webhook';
import './projectEvents';
import './visibility';
import './node';
import { checkingPagingArguments } from './paging';

export const schema = checkingPagingArguments(builder.toSchema({ sortSchema: true }));
