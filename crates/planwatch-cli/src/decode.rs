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

/// Decodes `bytes` as `encoding`.
///
/// # Errors
/// Where the first malformed sequence is, and what to try instead.
pub fn decode(bytes: Vec<u8>, encoding: Encoding) -> Result<String, String> {
    match encoding {
        Encoding::Utf8 => String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let (line, column) = line_col(e.as_bytes(), at);
            format!(
                "not valid UTF-8 at byte {at} (line {line}, column {column}); \
                 for GB-encoded text use --encoding gb18030"
            )
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
