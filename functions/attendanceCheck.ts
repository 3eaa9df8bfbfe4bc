import { checkAttendance } from '../shared/attendance/engine.js';
import { AttendanceRequestSchema } from '../shared/attendance/schema.js';
import { defineEndpoint } from './http/endpoint.js';

export const attendanceCheck = defineEndpoint({
  name: 'attendanceCheck',
  route: 'attendance/check',
  schema: AttendanceRequestSchema,
  run: checkAttendance,
});
