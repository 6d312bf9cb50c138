import { BlockList, isIPv4 } from 'node:net';

/** One statement of a custom policy (dg:private-content-creating-signed-url-custom-policy). */
export interface PolicyStatement {
  resource: string;
  dateLessThan: number;
  dateGreaterThan?: number;
  sourceIp?: string;
}

function epoch(condition: unknown, name: string): number | undefined {
  if (typeof condition !== 'object' || condition === null) return undefined;
  const value = (condition as Record<string, unknown>)[name];
  if (typeof value !== 'object' || value === null) return undefined;
  const time = (value as Record<string, unknown>)['AWS:EpochTime'];
  return typeof time === 'number' && Number.isInteger(time) ? time : Number.NaN;
}

/** The custom policy's one statement, or undefined when it is malformed (`MalformedPolicy`). */
export function parsePolicyStatement(json: string): PolicyStatement | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  const statements = (parsed as { Statement?: unknown })?.Statement;
  if (!Array.isArray(statements) || statements.length !== 1) return undefined;
  const { Resource, Condition } = statements[0] as { Resource?: unknown; Condition?: unknown };
  if (typeof Resource !== 'string' || typeof Condition !== 'object' || Condition === null) return undefined;
  const dateLessThan = epoch(Condition, 'DateLessThan');
  if (dateLessThan === undefined || Number.isNaN(dateLessThan)) return undefined;
  const statement: PolicyStatement = { resource: Resource, dateLessThan };
  const after = epoch(Condition, 'DateGreaterThan');
  if (after !== undefined) {
    if (Number.isNaN(after)) return undefined;
    statement.dateGreaterThan = after;
  }
  const ip = (Condition as Record<string, unknown>).IpAddress as Record<string, unknown> | undefined;
  if (ip !== undefined) {
    if (typeof ip?.['AWS:SourceIp'] !== 'string') return undefined;
    statement.sourceIp = ip['AWS:SourceIp'];
  }
  return statement;
}

/** dg:private-content-creating-signed-url-custom-policy: `*` matches any characters, `?` exactly one. */
export function resourceMatches(pattern: string, url: string): boolean {
  let p = 0;
  let u = 0;
  let star = -1;
  let mark = 0;
  while (u < url.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === url[u])) {
      p++;
      u++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = u;
    } else if (star !== -1) {
      p = star + 1;
      u = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** `AWS:SourceIp`: an IPv4 address or CIDR range (`/32` when no mask is given). */
export function sourceIpMatches(cidr: string, clientIp: string): boolean {
  const [address, mask = '32'] = cidr.split('/');
  if (!isIPv4(address ?? '') || !isIPv4(clientIp)) return false;
  const list = new BlockList();
  try {
    list.addSubnet(address!, Number(mask), 'ipv4');
  } catch {
    return false;
  }
  return list.check(clientIp, 'ipv4');
}
