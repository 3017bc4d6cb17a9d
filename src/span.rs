//! Byte spans into the caller's text, and their conversion to character and
//! UTF-16 offsets.

use std::fmt;
use std::ops::{Index, Range};

/// A half-open range of byte offsets `start..end` into a text.
///
/// Every span this crate returns lies on `char` boundaries of the text it
/// was computed from, so it can index that text directly:
///
/// ```
/// use whosaid::Span;
///
/// let text = "“Yes,” she said.";
/// let span = Span::new(0, 10);
/// assert_eq!(&text[span], "“Yes,”");
/// assert_eq!(span.to_string(), "0..10");
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// The first byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Creates the span `start..end`. An inverted range is normalised to the
    /// empty span at `start`, so a `Span` is never inverted.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// The number of bytes in the span.
    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The span as a `Range<usize>`.
    #[inline]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether `other` lies entirely inside this span.
    #[inline]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both spans.
    #[inline]
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The slice of `text` this span covers, or `None` when the span does not
    /// lie inside `text` on character boundaries.
    #[inline]
    pub fn get<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.range())
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(s: Span) -> Range<usize> {
        s.range()
    }
}

impl Index<Span> for str {
    type Output = str;

    /// # Panics
    ///
    /// Panics like `&text[start..end]` when the span is out of bounds or not
    /// on character boundaries; use [`Span::get`] to avoid that.
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

impl Index<Span> for String {
    type Output = str;

    /// # Panics
    ///
    /// As for `str`.
    fn index(&self, span: Span) -> &str {
        &self.as_str()[span.range()]
    }
}

/// The unit in which offsets are written for consumers outside Rust.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum OffsetUnit {
    /// UTF-8 byte offsets, as Rust indexes a `str`.
    Bytes,
    /// Unicode scalar values (code points), as Python indexes a `str`.
    #[default]
    Chars,
    /// UTF-16 code units, as JavaScript and Java index a string.
    Utf16,
}

impl std::str::FromStr for OffsetUnit {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<OffsetUnit, crate::Error> {
        match s {
            "bytes" | "byte" => Ok(OffsetUnit::Bytes),
            "chars" | "char" | "codepoints" => Ok(OffsetUnit::Chars),
            "utf16" | "utf-16" => Ok(OffsetUnit::Utf16),
            other => Err(crate::Error::InvalidConfig(format!(
                "unknown offset unit {other:?} (expected bytes, chars or utf16)"
            ))),
        }
    }
}

/// Converts byte offsets of one text to character or UTF-16 offsets and
/// back, in `O(log n)` per lookup where `n` is the number of non-ASCII
/// characters (constant time for ASCII text).
///
/// ```
/// use whosaid::{OffsetIndex, OffsetUnit};
///
/// let text = "€5 “ok”";
/// let index = OffsetIndex::new(text);
/// // '€' is 3 bytes, 1 char, 1 UTF-16 unit.
/// assert_eq!(index.convert(3, OffsetUnit::Chars), Some(1));
/// assert_eq!(index.byte_offset(1, OffsetUnit::Chars), Some(3));
/// // Byte 1 lies inside '€'.
/// assert_eq!(index.convert(1, OffsetUnit::Chars), None);
/// ```
#[derive(Clone, Debug, Default)]
pub struct OffsetIndex {
    len: usize,
    /// Byte offset of each non-ASCII character, ascending.
    starts: Vec<usize>,
    /// Byte length of each non-ASCII character.
    widths: Vec<u8>,
    /// Bytes saved, in char units, by all non-ASCII characters before index i
    /// (that is, `sum(width - 1)`), with one extra entry for the total.
    char_saving: Vec<usize>,
    /// Same in UTF-16 units (`sum(width - utf16_len)`).
    utf16_saving: Vec<usize>,
}

impl OffsetIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> OffsetIndex {
        let mut index = OffsetIndex {
            len: text.len(),
            ..OffsetIndex::default()
        };
        if text.is_ascii() {
            return index;
        }
        let (mut cs, mut us) = (0usize, 0usize);
        index.char_saving.push(0);
        index.utf16_saving.push(0);
        for (i, c) in text.char_indices() {
            let w = c.len_utf8();
            if w > 1 {
                index.starts.push(i);
                index.widths.push(w as u8);
                cs += w - 1;
                us += w - c.len_utf16();
                index.char_saving.push(cs);
                index.utf16_saving.push(us);
            }
        }
        index
    }

    /// The length of the indexed text in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the indexed text is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Converts byte offset `byte` to `unit`. Returns `None` when `byte` is
    /// past the end of the text or inside a multi-byte character.
    pub fn convert(&self, byte: usize, unit: OffsetUnit) -> Option<usize> {
        if byte > self.len {
            return None;
        }
        if unit == OffsetUnit::Bytes || self.starts.is_empty() {
            return Some(byte);
        }
        // Number of non-ASCII characters starting before `byte`.
        let k = self.starts.partition_point(|&s| s < byte);
        if k > 0 {
            let last = k - 1;
            if byte < self.starts[last] + self.widths[last] as usize {
                return None;
            }
        }
        let saving = match unit {
            OffsetUnit::Chars => self.char_saving[k],
            OffsetUnit::Utf16 => self.utf16_saving[k],
            OffsetUnit::Bytes => 0,
        };
        Some(byte - saving)
    }

    /// Converts a span to `unit`; `None` when either end is not a character
    /// boundary of the text.
    pub fn convert_span(&self, span: Span, unit: OffsetUnit) -> Option<(usize, usize)> {
        Some((
            self.convert(span.start, unit)?,
            self.convert(span.end, unit)?,
        ))
    }

    /// Converts an offset in `unit` back to a byte offset. Returns `None` when
    /// the offset is past the end of the text or, for UTF-16, falls between
    /// the two halves of a surrogate pair.
    pub fn byte_offset(&self, offset: usize, unit: OffsetUnit) -> Option<usize> {
        if unit == OffsetUnit::Bytes || self.starts.is_empty() {
            return (offset <= self.len).then_some(offset);
        }
        let savings = match unit {
            OffsetUnit::Chars => &self.char_saving,
            _ => &self.utf16_saving,
        };
        // Find the number k of non-ASCII chars before the target: the largest k
        // with starts[k-1] converted < offset, i.e. starts[k-1] - savings[k-1] < offset.
        let mut lo = 0usize;
        let mut hi = self.starts.len();
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.starts[mid] - savings[mid] < offset {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let k = lo;
        let byte = offset + savings[k];
        if k > 0 {
            // The target must not fall inside character k-1.
            let last = k - 1;
            let unit_len = match unit {
                OffsetUnit::Chars => 1,
                _ => {
                    if self.widths[last] == 4 {
                        2
                    } else {
                        1
                    }
                }
            };
            let conv_start = self.starts[last] - savings[last];
            if offset < conv_start + unit_len {
                return None;
            }
        }
        (byte <= self.len).then_some(byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_basics() {
        let s = Span::from(2..5);
        assert_eq!(s.len(), 3);
        assert_eq!(format!("{s:?}"), "2..5");
        assert!(Span::new(5, 2).is_empty());
        assert!(s.contains(Span::new(3, 4)));
        assert!(!s.overlaps(Span::new(5, 9)));
        assert_eq!(&"abcdefg"[s], "cde");
    }

    #[test]
    fn offsets_round_trip_after_multibyte_chars() {
        let text = "a€b“c”😀d";
        let index = OffsetIndex::new(text);
        let mut utf16 = 0;
        let ends = text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')));
        for (chars, (b, c)) in ends.enumerate() {
            assert_eq!(index.convert(b, OffsetUnit::Chars), Some(chars), "byte {b}");
            assert_eq!(index.convert(b, OffsetUnit::Utf16), Some(utf16), "byte {b}");
            assert_eq!(index.byte_offset(chars, OffsetUnit::Chars), Some(b));
            assert_eq!(index.byte_offset(utf16, OffsetUnit::Utf16), Some(b));
            utf16 += c.len_utf16();
        }
        // Inside '€' (bytes 1..4).
        assert_eq!(index.convert(2, OffsetUnit::Chars), None);
        // Between the surrogates of the emoji.
        let emoji_utf16 = index
            .convert(text.find('😀').unwrap(), OffsetUnit::Utf16)
            .unwrap();
        assert_eq!(index.byte_offset(emoji_utf16 + 1, OffsetUnit::Utf16), None);
        assert_eq!(index.convert(text.len() + 1, OffsetUnit::Chars), None);
    }
}
