import { builder } from './builder';
import './enums';
import './pageAnalysis';
import './target';
import './batch';
import './comparison';
import './progress';
import './auditEvent';
import './node';

export const schema = builder.toSchema({ sortSchema: true });
