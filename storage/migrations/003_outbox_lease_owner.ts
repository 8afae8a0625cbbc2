/** Who holds an alert's lease, so a dispatcher killed mid-send does not hold its alerts until the lease runs out. */
export const version = 3;
export const name = 'outbox-lease-owner';
export const sql = /* sql */ `
ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
`;
