/**
 * What the fixture workspace must show, written by hand from the fixture files (0-based ranges as in
 * the vscode API). Fix outputs are given as edits of the original lines, and compared as WHOLE texts.
 */

export const RULE = 'iam/wildcard-action';
export const DOCS_TARGET = 'https://github.com/guardpost-dev/guardpost/blob/main/docs/rules/iam/wildcard-action.md';

/** The text with `count` lines from `line` replaced by `lines` (0-based). */
export function withLines(text: string, line: number, count: number, lines: string[]): string {
  const all = text.split('\n');
  all.splice(line, count, ...lines);
  return all.join('\n');
}

export interface ExpectedFinding {
  range: string;
  text: string;
  severity: 'error' | 'warning' | 'info';
  /** A part of the message naming the place in the user's terms. */
  message: string;
}

export interface ExpectedFix {
  title: string;
  isPreferred: boolean;
  /** The whole document after applying the fix, from the original text. */
  output?: (original: string) => string;
}

export interface KindCase {
  kind: string;
  file: string;
  languageId: 'json' | 'yaml';
  findings: ExpectedFinding[];
  /** Quick fixes for findings[0], in the order Ctrl+. lists them. */
  fixes: ExpectedFix[];
}

export const KINDS: KindCase[] = [
  {
    kind: 'IAM policy JSON',
    file: 'iam/policy.json',
    languageId: 'json',
    findings: [
      { range: '6:17-6:24', text: '"kms:*"', severity: 'warning', message: "`kms:*` in statement 'UseReportsKey' of policy file" },
      { range: '12:16-12:19', text: '"*"', severity: 'warning', message: "statement 'Everything' of policy file allows every action in every AWS service" },
    ],
    fixes: [
      {
        title: "Replace with kms's Read actions (2 entries)",
        isPreferred: true,
        output: (t) => withLines(t, 6, 1, ['      "Action": ["kms:Describe*", "kms:Get*", "sqs:SendMessage"],']),
      },
      {
        title: "Replace with kms's List actions (kms:List*)",
        isPreferred: false,
        output: (t) => withLines(t, 6, 1, ['      "Action": ["kms:List*", "sqs:SendMessage"],']),
      },
      {
        title: "Replace with kms's Permissions management actions (4 entries)",
        isPreferred: false,
        output: (t) => withLines(t, 6, 1, ['      "Action": ["kms:CreateGrant", "kms:PutKeyPolicy", "kms:RetireGrant", "kms:RevokeGrant", "sqs:SendMessage"],']),
      },
      {
        title: "Replace with kms's Tagging actions (2 entries)",
        isPreferred: false,
        output: (t) => withLines(t, 6, 1, ['      "Action": ["kms:TagResource", "kms:UntagResource", "sqs:SendMessage"],']),
      },
      // A standalone JSON policy has no place for a suppression: none is offered.
    ],
  },
  {
    kind: 'CloudFormation YAML',
    file: 'cloudformation/template.yaml',
    languageId: 'yaml',
    findings: [
      { range: '25:20-25:28', text: 'events:*', severity: 'warning', message: "`events:*` in statement 'Publish' of policy 'orders' of AWS::IAM::Role OrdersRole" },
    ],
    fixes: [
      {
        title: "Replace with events's Read actions (3 entries)",
        isPreferred: true,
        output: (t) => withLines(t, 25, 1, ['                  - events:Describe*', '                  - events:GetResourcePolicy', '                  - events:TestEventPattern']),
      },
      { title: "Replace with events's List actions (events:List*)", isPreferred: false, output: (t) => withLines(t, 25, 1, ['                  - events:List*']) },
      { title: "Replace with events's Permissions management actions (4 entries)", isPreferred: false },
      { title: "Replace with events's Tagging actions (2 entries)", isPreferred: false, output: (t) => withLines(t, 25, 1, ['                  - events:TagResource', '                  - events:UntagResource']) },
      {
        title: 'Suppress iam/wildcard-action on this line',
        isPreferred: false,
        output: (t) => withLines(t, 25, 0, ['                  # guardpost-disable-next-line iam/wildcard-action -- <reason>']),
      },
    ],
  },
  {
    kind: 'CloudFormation JSON',
    file: 'cloudformation/template.json',
    languageId: 'json',
    findings: [
      { range: '14:24-14:31', text: '"sns:*"', severity: 'warning', message: '`sns:*` in statement 1 of PolicyDocument of AWS::IAM::ManagedPolicy WorkerPolicy' },
    ],
    fixes: [
      {
        title: "Replace with sns's Read actions (4 entries)",
        isPreferred: true,
        output: (t) => withLines(t, 14, 1, ['              "Action": ["sns:CheckIfPhoneNumberIsOptedOut", "sns:Get*", "sns:ListPhoneNumbersOptedOut", "sns:ListTagsForResource"],']),
      },
      { title: "Replace with sns's List actions (7 entries)", isPreferred: false },
      { title: "Replace with sns's Write actions (19 entries)", isPreferred: false },
      {
        title: "Replace with sns's Permissions management actions (3 entries)",
        isPreferred: false,
        output: (t) => withLines(t, 14, 1, ['              "Action": ["sns:AddPermission", "sns:RemovePermission", "sns:SetTopicAttributes"],']),
      },
      { title: "Replace with sns's Tagging actions (2 entries)", isPreferred: false, output: (t) => withLines(t, 14, 1, ['              "Action": ["sns:TagResource", "sns:UntagResource"],']) },
      {
        title: 'Suppress iam/wildcard-action for resource WorkerPolicy',
        isPreferred: false,
        output: (t) =>
          withLines(t, 19, 1, [
            '      },',
            '      "Metadata": {',
            '        "guardpost": {',
            '          "ignore": [',
            '            {',
            '              "rule": "iam/wildcard-action",',
            '              "reason": "<reason>"',
            '            }',
            '          ]',
            '        }',
            '      }',
          ]),
      },
    ],
  },
  {
    kind: 'SAM',
    file: 'sam/template.yaml',
    languageId: 'yaml',
    findings: [
      { range: '15:22-15:27', text: 'sqs:*', severity: 'warning', message: '`sqs:*` in statement 1 of Policies of AWS::Serverless::Function WorkerFunction' },
    ],
    fixes: [
      {
        title: "Replace with sqs's Read actions (3 entries)",
        isPreferred: true,
        output: (t) => withLines(t, 15, 1, ['              Action:', '                - sqs:Get*', '                - sqs:List*', '                - sqs:ReceiveMessage']),
      },
      { title: "Replace with sqs's Write actions (8 entries)", isPreferred: false },
      {
        title: "Replace with sqs's Permissions management actions (3 entries)",
        isPreferred: false,
        output: (t) => withLines(t, 15, 1, ['              Action:', '                - sqs:AddPermission', '                - sqs:RemovePermission', '                - sqs:SetQueueAttributes']),
      },
      {
        title: "Replace with sqs's Tagging actions (2 entries)",
        isPreferred: false,
        output: (t) => withLines(t, 15, 1, ['              Action:', '                - sqs:TagQueue', '                - sqs:UntagQueue']),
      },
      {
        title: 'Suppress iam/wildcard-action on this line',
        isPreferred: false,
        output: (t) => withLines(t, 15, 0, ['              # guardpost-disable-next-line iam/wildcard-action -- <reason>']),
      },
    ],
  },
  {
    kind: 'serverless.yml',
    file: 'serverless/serverless.yml',
    languageId: 'yaml',
    findings: [{ range: '9:14-9:18', text: 's3:*', severity: 'warning', message: '`s3:*` in statement 1 of provider.iam.role.statements' }],
    fixes: [
      {
        title: "Replace with s3's Read actions (3 entries)",
        isPreferred: true,
        output: (t) => withLines(t, 9, 1, ['            - s3:AllowVendedLogDeliveryForResource', '            - s3:Describe*', '            - s3:Get*']),
      },
      { title: "Replace with s3's List actions (s3:List*)", isPreferred: false, output: (t) => withLines(t, 9, 1, ['            - s3:List*']) },
      { title: "Replace with s3's Permissions management actions (27 entries)", isPreferred: false },
      { title: "Replace with s3's Tagging actions (12 entries)", isPreferred: false },
      {
        title: 'Suppress iam/wildcard-action on this line',
        isPreferred: false,
        output: (t) => withLines(t, 9, 0, ['            # guardpost-disable-next-line iam/wildcard-action -- <reason>']),
      },
    ],
  },
];

/** Files that are YAML/JSON but not AWS: Guardpost must stay silent on them. */
export const LOOKALIKES = ['docker-compose.yml', '.github/workflows/ci.yml', 'package.json', 'lookalikes/app-config.yaml'];
