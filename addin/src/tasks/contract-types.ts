/**
 * TEMPORARY: the shapes of the attendance endpoint as `contract.md` describes them, until its
 * zod schema lands in `shared/attendance/`; then these give way to the schema's `z.infer` types.
 */
import type { Finding } from '../../../shared/findings.js';

export interface AttendanceRequest {
  sessions: { id: string; type: string }[];
  members: { name: string; attended: string[] }[];
  rules: { type: string; minimum: number }[];
}

export interface AttendanceResponse {
  members: {
    name: string;
    rules: { type: string; attended: number; minimum: number; met: boolean; remaining?: number }[];
  }[];
  sessions: { id: string; turnout: number }[];
  findings: Finding[];
}
