/** The annotation palette: named, so a colour is never the only way to tell annotations apart. */
export const ANNOTATION_COLOURS = [
  { name: 'Yellow', value: '#f5c518' },
  { name: 'Green', value: '#3fb06b' },
  { name: 'Blue', value: '#4f8cc9' },
  { name: 'Pink', value: '#e0609a' },
  { name: 'Purple', value: '#9a6fd6' },
] as const;

/** The colour a new annotation starts with (yellow, like a highlighter). */
export const DEFAULT_ANNOTATION_COLOUR = ANNOTATION_COLOURS[0].value;

/** The palette name of a colour ("Yellow"), or the hex value for a colour from elsewhere. */
export function colourName(value: string): string {
  return ANNOTATION_COLOURS.find((c) => c.value.toLowerCase() === value.toLowerCase())?.name ?? value;
}
