import { openTrustPolicy } from '../../../src/rules/iam/open-trust-policy';
import { testRule, text } from '../../helpers/rule-tester';

testRule(openTrustPolicy, {
  valid: [
    {
      name: "a service principal",
      path: "template.yaml",
      text: text`
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {Service: lambda.amazonaws.com}
                    Action: sts:AssumeRole
      `,
    },
    {
      name: "another account with sts:ExternalId",
      path: "template.yaml",
      text: text`
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {AWS: arn:aws:iam::111122223333:root}
                    Action: sts:AssumeRole
                    Condition: {StringEquals: {sts:ExternalId: a1b2c3}}
      `,
    },
    {
      name: "this account, through !Sub",
      path: "template.yaml",
      text: text`
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {AWS: !Sub "arn:aws:iam::\${AWS::AccountId}:root"}
                    Action: sts:AssumeRole
      `,
    },
    {
      name: "GitHub Actions OIDC limited to one repository (CloudFormation JSON)",
      path: "template.json",
      text: "{\"Resources\": {\"Role\": {\"Type\": \"AWS::IAM::Role\", \"Properties\": {\"AssumeRolePolicyDocument\": {\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Federated\": {\"Fn::Sub\": \"arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com\"}}, \"Action\": \"sts:AssumeRoleWithWebIdentity\", \"Condition\": {\"StringEquals\": {\"token.actions.githubusercontent.com:aud\": \"sts.amazonaws.com\"}, \"StringLike\": {\"token.actions.githubusercontent.com:sub\": \"repo:acme/orders:*\"}}}]}}}}}",
    },
    {
      name: "anyone, narrowed to an organization (serverless.yml resources)",
      path: "serverless.yml",
      text: text`
        service: orders
        provider:
          name: aws
        resources:
          Resources:
            Role:
              Type: AWS::IAM::Role
              Properties:
                AssumeRolePolicyDocument:
                  Statement:
                    - Effect: Allow
                      Principal: {AWS: "*"}
                      Action: sts:AssumeRole
                      Condition: {StringEquals: {aws:PrincipalOrgID: o-abc123}}
      `,
    },
  ],
  invalid: [
    {
      name: "anyone may assume the role",
      path: "template.yaml",
      text: text`
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: "*"
                    Action: sts:AssumeRole
      `,
      findings: [
        { text: "\"*\"", severity: 'error', resource: "Role", message: "statement 1 of AssumeRolePolicyDocument of AWS::IAM::Role Role lets anyone in any AWS account assume the role: name the accounts or roles that may, or add an aws:PrincipalOrgID condition" },
      ],
    },
    {
      name: "another account without sts:ExternalId (warning)",
      path: "template.yaml",
      text: text`
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal:
                      AWS:
                        - arn:aws:iam::111122223333:root
                        - "444455556666"
                    Action: sts:AssumeRole
      `,
      findings: [
        { text: "arn:aws:iam::111122223333:root", severity: 'warning', resource: "Role", message: "statement 1 of AssumeRolePolicyDocument of AWS::IAM::Role Role lets account 111122223333 assume the role with no sts:ExternalId (or aws:PrincipalOrgID/aws:PrincipalArn) condition: if it is a third party, require the external ID it gave you (confused deputy); if it is your own account, name the role that may assume it" },
        { text: "\"444455556666\"", severity: 'warning', resource: "Role", message: "statement 1 of AssumeRolePolicyDocument of AWS::IAM::Role Role lets account 444455556666 assume the role with no sts:ExternalId (or aws:PrincipalOrgID/aws:PrincipalArn) condition: if it is a third party, require the external ID it gave you (confused deputy); if it is your own account, name the role that may assume it" },
      ],
    },
    {
      name: "GitHub Actions OIDC with an audience only: fix adds the subject condition (CloudFormation JSON)",
      path: "template.json",
      text: text`
        {
          "Resources": {
            "Role": {
              "Type": "AWS::IAM::Role",
              "Properties": {
                "AssumeRolePolicyDocument": {
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Principal": {"Federated": {"Fn::Sub": "arn:aws:iam::\${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com"}},
                      "Action": "sts:AssumeRoleWithWebIdentity",
                      "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}
                    }
                  ]
                }
              }
            }
          }
        }
      `,
      findings: [
        { text: "{\"Fn::Sub\": \"arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com\"}", severity: 'error', resource: "Role", message: "statement 1 of AssumeRolePolicyDocument of AWS::IAM::Role Role trusts GitHub Actions OIDC without a token.actions.githubusercontent.com:sub condition: any repository on GitHub can assume the role; limit it to your repository (and branch or environment)" },
      ],
      fixes: [
        { finding: 0, title: "Trust only one repository and branch (token.actions.githubusercontent.com:sub; replace OWNER/REPO)", isPreferred: true, output: text`
        {
          "Resources": {
            "Role": {
              "Type": "AWS::IAM::Role",
              "Properties": {
                "AssumeRolePolicyDocument": {
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Principal": {"Federated": {"Fn::Sub": "arn:aws:iam::\${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com"}},
                      "Action": "sts:AssumeRoleWithWebIdentity",
                      "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}, "StringLike": {"token.actions.githubusercontent.com:sub": "repo:OWNER/REPO:ref:refs/heads/main"}}
                    }
                  ]
                }
              }
            }
          }
        }
      ` },
      ],
    },
    {
      name: "SAM: GitHub Actions OIDC with no condition at all",
      path: "template.yaml",
      text: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          DeployRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal:
                      Federated: !Ref GitHubOidcProvider
                    Action: sts:AssumeRoleWithWebIdentity
                  - Effect: Allow
                    Principal:
                      Federated: arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com
                    Action: sts:AssumeRoleWithWebIdentity
      `,
      findings: [
        { text: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com", severity: 'error', resource: "DeployRole", message: "statement 2 of AssumeRolePolicyDocument of AWS::IAM::Role DeployRole trusts GitHub Actions OIDC without a token.actions.githubusercontent.com:sub condition: any repository on GitHub can assume the role; limit it to your repository (and branch or environment)" },
      ],
      fixes: [
        { finding: 0, title: "Trust only one repository and branch (token.actions.githubusercontent.com:sub; replace OWNER/REPO)", isPreferred: true, output: text`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          DeployRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal:
                      Federated: !Ref GitHubOidcProvider
                    Action: sts:AssumeRoleWithWebIdentity
                  - Effect: Allow
                    Principal:
                      Federated: arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com
                    Action: sts:AssumeRoleWithWebIdentity
                    Condition:
                      StringLike:
                        token.actions.githubusercontent.com:sub: repo:OWNER/REPO:ref:refs/heads/main
      ` },
      ],
    },
    {
      name: "serverless.yml resources: an EKS OIDC provider without :sub or :aud",
      path: "serverless.yml",
      text: text`
        service: orders
        provider:
          name: aws
        resources:
          Resources:
            PodRole:
              Type: AWS::IAM::Role
              Properties:
                AssumeRolePolicyDocument:
                  Statement:
                    - Effect: Allow
                      Principal:
                        Federated: arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF
                      Action: sts:AssumeRoleWithWebIdentity
      `,
      findings: [
        { text: "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF", severity: 'error', resource: "PodRole", message: "statement 1 of AssumeRolePolicyDocument of AWS::IAM::Role PodRole trusts the OIDC provider oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF without an audience (:aud) or subject (:sub) condition: any identity it issues can assume the role" },
      ],
    },
  ],
});
