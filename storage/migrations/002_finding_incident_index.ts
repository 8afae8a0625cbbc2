/** Alert building and retention look findings up by incident; without this they scan the table. */
export const version = 2;
export const name = 'finding-incident-index';
export const sql = /* sql */ `
CREATE INDEX IF NOT EXISTS findings_incident ON findings(incident_id, run_id);
CREATE INDEX IF NOT EXISTS outbox_incident ON outbox(incident_id);
`;
