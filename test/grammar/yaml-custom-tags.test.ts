/**
 * YAML coexistence: package.json contributes a default for the Red Hat YAML extension's `yaml.customTags`
 * (VS Code lets `configurationDefaults` override any window/resource setting, also another extension's),
 * listing every CloudFormation short-form tag in its scalar, sequence and mapping forms, so no `!Ref` is an
 * "Unresolved tag". The parse check declares the tags to the `yaml` library the way yaml-language-server reads
 * the setting (`!Tag` or `!Tag scalar|sequence|mapping`) and parses a template that uses every form.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument, type CollectionTag, type ScalarTag } from 'yaml';
import { INTRINSIC_SHORT_TAGS } from '../../src/core/intrinsic-names';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  contributes?: { configurationDefaults?: Record<string, unknown> };
};
const customTags = (pkg.contributes?.configurationDefaults?.['yaml.customTags'] ?? []) as string[];

function declare(settings: string[]): (ScalarTag | CollectionTag)[] {
  return settings.map((entry) => {
    const [tag, kind = 'scalar'] = entry.split(' ');
    if (kind === 'sequence') return { tag, collection: 'seq', resolve: (v: unknown) => v } as unknown as CollectionTag;
    if (kind === 'mapping') return { tag, collection: 'map', resolve: (v: unknown) => v } as unknown as CollectionTag;
    return { tag, resolve: (v: string) => v } as ScalarTag;
  });
}

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  NotProd: !Not [!Condition IsProd]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub '\${AWS::StackName}-data'
      Tags:
        - Key: zone
          Value: !Select [0, !GetAZs '']
        - Key: arn
          Value: !GetAtt [Table, Arn]
        - Key: mapped
          Value: !FindInMap [Map, !Ref AWS::Region, Name]
        - Key: sub-list
          Value: !Sub
            - '\${Name}-x'
            - Name: !If [IsProd, a, !Ref AWS::NoValue]
        - Key: transform
          Value: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}
        - Key: joined
          Value: !Join ['-', [!ImportValue Shared, !Base64 abc]]
`;

describe('yaml.customTags default for the Red Hat YAML extension', () => {
  it('lists every CloudFormation short-form tag in scalar, sequence and mapping form', () => {
    for (const name of INTRINSIC_SHORT_TAGS) {
      for (const form of ['scalar', 'sequence', 'mapping']) assert.ok(customTags.includes(`!${name} ${form}`), `!${name} ${form}`);
    }
    assert.equal(new Set(customTags).size, customTags.length, 'no duplicates');
    assert.ok(customTags.every((t) => /^![A-Za-z0-9]+ (scalar|sequence|mapping)$/.test(t)), 'the format yaml-language-server reads');
  });

  it('leaves no tag of a real template unresolved', () => {
    const without = parseDocument(TEMPLATE);
    assert.ok(without.warnings.some((w) => w.message.startsWith('Unresolved tag')), 'the template uses tags a plain YAML parser rejects');
    const doc = parseDocument(TEMPLATE, { customTags: declare(customTags) });
    assert.deepEqual([...doc.errors, ...doc.warnings].map((e) => e.message.split('\n')[0]), []);
  });
});
