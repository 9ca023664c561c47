import { builder } from './builder';
import './enums';
import './pageAnalysis';
import './target';
import './batch';
import './comparison';
import './progress';

export const schema = builder.toSchema({ sortSchema: true });
