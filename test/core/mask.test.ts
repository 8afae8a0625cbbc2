import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maskValue } from '../../core/mask.js';

test('names keep initials and titles only', () => {
  assert.equal(maskValue('PERSON', 'Mrs Janet Okafor'), 'Mrs J**** O*****');
  assert.equal(maskValue('PERSON', "Siobhan O'Neill-Hart"), "S****** O******-H***");
});

test('addresses keep house number, street type and postcode district', () => {
  assert.equal(maskValue('ADDRESS', '12 Acacia Road, St Albans AL1 3XY'), '12 A***** Road, S* A***** AL1 ***');
  assert.equal(maskValue('POSTCODE', 'hp2 7qx'), 'HP2 ***');
  // Street-type words that are part of the street's name are masked too.
  assert.equal(maskValue('ADDRESS', '68 Park Road, Stevenage SG2 7AB'), '68 P*** Road, S******** SG2 ***');
  assert.equal(maskValue('ADDRESS', '4 Meadow Court'), '4 M***** Court');
  assert.equal(maskValue('ADDRESS', '111 Kestrel Rise'), '111 K****** Rise');
});

test('identifiers and contacts keep only a prefix or suffix', () => {
  assert.equal(maskValue('NI_NUMBER', 'QQ 12 34 56 C'), 'QQ ** ** ** *');
  assert.equal(maskValue('PHONE', '07700 900123'), '07700 ******');
  assert.equal(maskValue('EMAIL', 'janet.okafor@example.com'), 'j***********@example.com');
  assert.equal(maskValue('PAYMENT_CARD', '4111 1111 1111 1111'), '**** **** **** **11');
  assert.equal(maskValue('DATE_OF_BIRTH', '03/04/1987'), '**/**/****');
});

test('masking never returns the raw value for any entity', () => {
  const samples: Array<[Parameters<typeof maskValue>[0], string]> = [
    ['PERSON', 'Wei Chen'], ['ADDRESS', '3 Peacock Court'], ['PHONE', '01632 960001'], ['NHS_NUMBER', '943 476 5919'],
    ['DRIVING_LICENCE', 'MORGA753116SM9IJ'], ['PASSPORT', '123456789'], ['VEHICLE_REG', 'AB51 ABC'], ['BANK_ACCOUNT', '20-00-00 12345678'],
  ];
  for (const [entity, raw] of samples) assert.notEqual(maskValue(entity, raw), raw, entity);
});

test('property: a masked address never contains its street name', () => {
  const word = fc.constantFrom('Park', 'Meadow', 'Green', 'Rise', 'Kestrel', 'Ringlet', 'Ver', 'Oak', 'Hill', 'Church', 'Grove', 'Station');
  const type = fc.constantFrom('Road', 'Street', 'Close', 'Court', 'Rise', 'Avenue', 'Lane', 'Way', 'Park', 'Green');
  fc.assert(fc.property(fc.integer({ min: 1, max: 300 }), fc.array(word, { minLength: 1, maxLength: 2 }), type, (n, name, t) => {
    const street = `${n} ${name.join(' ')} ${t}`;
    const masked = maskValue('ADDRESS', `${street}, Stevenage SG2 7AB`);
    return !masked.includes(`${name.join(' ')} ${t}`) && !masked.includes('7AB');
  }));
});
