/**
 * Every setting package.json contributes, by key, over all its configuration
 * sections (the Settings editor shows each section as a group of its own).
 */
export function contributedSettings(pkg: { contributes: { configuration: Array<{ properties: Record<string, any> }> } }): Record<string, any> {
  return Object.assign({}, ...pkg.contributes.configuration.map((section) => section.properties));
}
