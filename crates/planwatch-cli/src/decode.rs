//! Reading an input's bytes and decoding them to text, strictly: a malformed byte sequence is
//! an error that says where, never a replacement character in the data.

use std::io::Read;

use crate::inputs::Source;

/// The text encoding of the inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (the default).
    Utf8,
    /// GB 18030 (and so GBK and GB 2312, which it extends).
    Gb18030,
}

/// Reads all of `source`.
///
/// # Errors
/// The I/O error's message.
pub fn read(source: &Source) -> Result<Vec<u8>, String> {
    match source {
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok(buf)
        }
        Source::File(path) => std::fs::read(path).map_err(|e| format!("cannot read: {e}")),
    }
}

/// The piece of an input read at a time by [`read_text`].
const PIECE: usize = 1 << 16;

/// Reads all of `source` and decodes it as `encoding`: its text and its size in bytes; or why
/// not, with the bytes read (0 when it could not be read). The same text and messages as
/// [`read`] then [`decode`]. UTF-8 is checked as it is read, a piece at a time, and copied into
/// a text sized once from the file's length: one buffer of the text's size, as when the bytes
/// become the text in place, and a check several times cheaper than the standard one on
/// Chinese text (which takes every character of three bytes one at a time).
///
/// # Errors
/// The input cannot be read (the message of [`read`], 0 bytes), or it is not valid in
/// `encoding` (the message of [`decode`], and the input's size).
pub fn read_text(source: &Source, encoding: Encoding) -> Result<(String, u64), (String, u64)> {
    if encoding != Encoding::Utf8 {
        let bytes = read(source).map_err(|why| (why, 0))?;
        let size = bytes.len() as u64;
        return decode(bytes, encoding)
            .map(|text| (text, size))
            .map_err(|why| (why, size));
    }
    match source {
        Source::Stdin => read_utf8(std::io::stdin().lock(), 0, "cannot read standard input: "),
        Source::File(path) => {
            let file = std::fs::File::open(path).map_err(|e| (format!("cannot read: {e}"), 0))?;
            let hint = file
                .metadata()
                .ok()
                .and_then(|m| usize::try_from(m.len()).ok())
                .unwrap_or(0);
            read_utf8(file, hint, "cannot read: ")
        }
    }
}

/// Where the last character of `bytes` starts when `bytes` cuts it short (a piece read ends
/// inside it): the bytes from there wait for the next piece. `None` when `bytes` ends on a
/// character's end, or ends in bytes that are malformed however they go on (left to the check,
/// which says where).
fn cut_short(bytes: &[u8]) -> Option<usize> {
    let from = bytes.len().saturating_sub(3);
    let lead = (from..bytes.len())
        .rev()
        .find(|&k| bytes[k] & 0xC0 != 0x80)?;
    let width = match bytes[lead] {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    (lead + width > bytes.len()).then_some(lead)
}

/// Reads `input` to its end and checks it as UTF-8 as it comes (`hint`: its length if known,
/// else 0); a read error is `why` and the error, as if the whole input had been read first.
fn read_utf8(mut input: impl Read, hint: usize, why: &str) -> Result<(String, u64), (String, u64)> {
    let read_error = |e: std::io::Error| (format!("{why}{e}"), 0);
    let mut text = String::with_capacity(hint);
    // A piece, after the start of a character the piece before cut short (at most 3 bytes).
    let piece = if hint == 0 {
        PIECE
    } else {
        PIECE.min(hint.saturating_add(1))
    };
    let mut buf = vec![0u8; piece + 3];
    let mut held = 0;
    let mut size = 0u64;
    loop {
        let n = match input.read(&mut buf[held..]) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(read_error(e)),
        };
        size += n as u64;
        let total = held + n;
        let bytes = &buf[..total];
        // At the end of the input a character cut short is malformed: the check says so.
        let whole = if n == 0 {
            bytes.len()
        } else {
            cut_short(bytes).unwrap_or(bytes.len())
        };
        match simdutf8::basic::from_utf8(&bytes[..whole]) {
            Ok(s) => text.push_str(s),
            Err(_) => {
                // Where, as the standard check says it (the bytes before are valid).
                let valid = simdutf8::compat::from_utf8(&bytes[..whole])
                    .err()
                    .map_or(whole, |e| e.valid_up_to());
                let mut head = text.into_bytes();
                head.extend_from_slice(&bytes[..valid]);
                let at = head.len();
                let (line, column) = line_col(&head, at);
                // The size of the whole input, as when it was read before being decoded.
                size += std::io::copy(&mut input, &mut std::io::sink()).map_err(read_error)?;
                return Err((utf8_error(at, line, column), size));
            }
        }
        if n == 0 {
            return Ok((text, size));
        }
        buf.copy_within(whole..total, 0);
        held = total - whole;
    }
}

/// Why a text is not UTF-8: where its first malformed sequence starts.
fn utf8_error(at: usize, line: usize, column: usize) -> String {
    format!(
        "not valid UTF-8 at byte {at} (line {line}, column {column}); \
         for GB-encoded text use --encoding gb18030"
    )
}

/// Decodes `bytes` as `encoding`.
///
/// # Errors
/// Where the first malformed sequence is, and what to try instead.
pub fn decode(bytes: Vec<u8>, encoding: Encoding) -> Result<String, String> {
    match encoding {
        Encoding::Utf8 => String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let (line, column) = line_col(e.as_bytes(), at);
            utf8_error(at, line, column)
        }),
        Encoding::Gb18030 => {
            let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
            let cap = decoder
                .max_utf8_buffer_length_without_replacement(bytes.len())
                .unwrap_or(bytes.len().saturating_mul(3));
            let mut text = String::with_capacity(cap);
            let (result, read) =
                decoder.decode_to_string_without_replacement(&bytes, &mut text, true);
            match result {
                encoding_rs::DecoderResult::InputEmpty => Ok(text),
                encoding_rs::DecoderResult::Malformed(bad, after) => {
                    // `read` is past the malformed sequence and the `after` bytes read after it.
                    let at = read.saturating_sub(usize::from(bad) + usize::from(after));
                    let (line, column) = line_col(&bytes, at);
                    Err(format!(
                        "not valid GB 18030 at byte {at} (line {line}, column {column})"
                    ))
                }
                // The buffer holds the worst case, so decoding never stops for room.
                encoding_rs::DecoderResult::OutputFull => {
                    Err("not decodable as GB 18030 (output buffer full)".into())
                }
            }
        }
    }
}

/// The 1-based line and byte column of byte `at`.
fn line_col(bytes: &[u8], at: usize) -> (usize, usize) {
    let head = &bytes[..at.min(bytes.len())];
    let line = head.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = at - head.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_errors_say_where() {
        let err = decode(b"ab\ncd\xffe".to_vec(), Encoding::Utf8).unwrap_err();
        assert!(
            err.starts_with("not valid UTF-8 at byte 5 (line 2, column 3)"),
            "{err}"
        );
    }

    /// A reader that gives at most `step` bytes a read, so that pieces end anywhere.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    #[test]
    fn utf8_read_in_pieces_is_the_text_and_the_errors_of_the_whole() {
        let mut cases: Vec<Vec<u8>> = [
            &b""[..],
            "国内生产总值增长5%左右\n城镇新增就业1200万人以上。".as_bytes(),
            "\u{feff}𠀀𠀁 é ü ——".as_bytes(),
            b"ab\ncd\xffe",
            b"\xe4\xb8",
            b"x\xe4\xb8\x41",
            b"\xe4\xb8\xad\xe4",
            b"\xf0\x9f\x98",
            b"\x80abc",
            b"ab\xc0\xaf",
            b"\xed\xa0\x80",
            b"\xe0\x80\x80",
            b"\xf4\x90\x80\x80",
            b"\xf5",
            b"abc\n\xe4\xb8\xad\n\xe4\xb8\n",
        ]
        .iter()
        .map(|b| b.to_vec())
        .collect();
        // Text cut and spliced at every byte, with every byte after it changed.
        let text = "十四五规划，增长5.2%；𠀀。\r\n".as_bytes();
        let mut seed = 7u32;
        for k in 0..text.len() {
            let mut b = text.to_vec();
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            b[k] = (seed >> 16) as u8;
            cases.push(b.clone());
            b.truncate(k);
            cases.push(b);
        }
        for bytes in &cases {
            let expected = match decode(bytes.clone(), Encoding::Utf8) {
                Ok(t) => Ok((t, bytes.len() as u64)),
                Err(why) => Err((why, bytes.len() as u64)),
            };
            for step in [1, 2, 3, 4, 5, 7, 64] {
                let got = read_utf8(Trickle { bytes, step }, 0, "cannot read: ");
                assert_eq!(got, expected, "{bytes:?} read {step} bytes at a time");
            }
            let got = read_utf8(Trickle { bytes, step: 64 }, bytes.len(), "cannot read: ");
            assert_eq!(got, expected, "{bytes:?} with its length");
        }
    }

    #[test]
    fn gb18030_round_trip_and_errors() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("国内生产总值增长5%左右");
        assert_eq!(
            decode(bytes.into_owned(), Encoding::Gb18030).unwrap(),
            "国内生产总值增长5%左右"
        );
        // 0x81 opens a two- or four-byte sequence; 0x20 cannot follow it.
        let err = decode(b"ab\x81 c".to_vec(), Encoding::Gb18030).unwrap_err();
        assert!(err.starts_with("not valid GB 18030 at byte 2"), "{err}");
    }
}
