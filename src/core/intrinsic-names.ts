/** CloudFormation intrinsic functions and condition functions, by their short-form tag names. */
export const INTRINSIC_SHORT_TAGS = [
  'Ref', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'If', 'Equals', 'And', 'Or', 'Not', 'FindInMap',
  'Base64', 'Cidr', 'GetAZs', 'ImportValue', 'Condition', 'Transform', 'ToJsonString', 'Length',
  'Contains', 'EachMemberEquals', 'EachMemberIn', 'RefAll', 'ValueOf', 'ValueOfAll', 'ForEach',
] as const;

/** Long-form key for a short tag name: `Ref` and `Condition` stand alone, the rest take `Fn::`. */
export function longFormName(shortName: string): string {
  return shortName === 'Ref' || shortName === 'Condition' ? shortName : `Fn::${shortName}`;
}
