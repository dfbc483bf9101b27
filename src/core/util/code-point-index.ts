/** Code-point offsets → UTF-16 indices of a text, for slicing: index[i] is where code point i starts. */
export function codePointIndex(text: string): Int32Array {
  const index = new Int32Array(text.length + 1);
  let k = 0;
  for (let i = 0; i < text.length; ) {
    index[k++] = i;
    i += text.codePointAt(i)! > 0xffff ? 2 : 1;
  }
  index[k] = text.length;
  return index.subarray(0, k + 1);
}
