//! The table of numeral characters: every character the numeral reader knows, with its role and
//! script, in one place. The numeral reader ([`crate::numerals`]), the extractor's scanner (its
//! stop set is built from this table), the word lists of the grammar and the count classifiers of
//! [`crate::units`] all read it. It is vocabulary: it imports nothing.

/// What a numeral character is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tok {
    /// A digit one to nine.
    Digit(u8),
    /// 零 〇 ○.
    Zero,
    /// 十 百 千 (and their financial forms): the power of ten.
    Small(u32),
    /// 万 亿: the power of ten of a magnitude word.
    Big(u32),
    /// 廿 卅 卌: twenty, thirty, forty in one character.
    Tens(u8),
    /// 点: the decimal point.
    Point,
    /// 余 多: a bit more.
    More,
    /// 几: a few.
    Few,
    /// 数: several.
    Several,
    /// 负: minus.
    Minus,
}

impl Tok {
    /// Whether a numeral can start with this character (`负三`, `十二`, `几百`, `廿二`, and the
    /// bare denominators of `百分之五`, `万分之三`).
    pub(crate) const fn starts_numeral(self) -> bool {
        !matches!(self, Tok::Point | Tok::More)
    }
}

/// Which script a numeral character belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// The everyday simplified characters.
    Plain,
    /// The financial (大写) forms 壹贰叁… and 拾佰仟.
    Financial,
    /// Traditional forms (萬 億 點 兩 貳 參 陸 負 幾 …) and old forms (廿 卅 ○).
    Traditional,
}

/// A numeral character.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NumeralChar {
    pub(crate) c: char,
    pub(crate) tok: Tok,
    pub(crate) form: Form,
}

pub(crate) const fn nc(c: char, tok: Tok, form: Form) -> NumeralChar {
    NumeralChar { c, tok, form }
}

/// Every character the numeral reader knows, in one place: the reader, the extractor's scanner
/// (its stop set is built from this table), the word lists of the extractor and the count
/// classifiers of [`crate::units`] all ask this table.
pub(crate) const NUMERAL_CHARS: &[NumeralChar] = {
    use Form::{Financial as F, Plain as P, Traditional as T};
    use Tok::*;
    &[
        nc('零', Zero, P),
        nc('〇', Zero, P),
        nc('○', Zero, T),
        nc('一', Digit(1), P),
        nc('壹', Digit(1), F),
        nc('二', Digit(2), P),
        nc('两', Digit(2), P),
        nc('兩', Digit(2), T),
        nc('贰', Digit(2), F),
        nc('貳', Digit(2), T),
        nc('三', Digit(3), P),
        nc('叁', Digit(3), F),
        nc('參', Digit(3), T),
        nc('叄', Digit(3), T),
        nc('四', Digit(4), P),
        nc('肆', Digit(4), F),
        nc('五', Digit(5), P),
        nc('伍', Digit(5), F),
        nc('六', Digit(6), P),
        nc('陆', Digit(6), F),
        nc('陸', Digit(6), T),
        nc('七', Digit(7), P),
        nc('柒', Digit(7), F),
        nc('八', Digit(8), P),
        nc('捌', Digit(8), F),
        nc('九', Digit(9), P),
        nc('玖', Digit(9), F),
        nc('十', Small(1), P),
        nc('拾', Small(1), F),
        nc('百', Small(2), P),
        nc('佰', Small(2), F),
        nc('千', Small(3), P),
        nc('仟', Small(3), F),
        nc('廿', Tens(2), T),
        nc('卅', Tens(3), T),
        nc('卌', Tens(4), T),
        nc('万', Big(4), P),
        nc('萬', Big(4), T),
        nc('亿', Big(8), P),
        nc('億', Big(8), T),
        nc('点', Point, P),
        nc('點', Point, T),
        nc('余', More, P),
        nc('餘', More, T),
        nc('多', More, P),
        nc('几', Few, P),
        nc('幾', Few, T),
        nc('数', Several, P),
        nc('數', Several, T),
        nc('负', Minus, P),
        nc('負', Minus, T),
    ]
};

/// Blocks of 256 code points in the look-up: block 0 is empty (for every high byte without a
/// numeral character), the others hold one. A power of two, so that an index masked to it needs
/// no bounds check.
const CLASS_BLOCKS: usize = 32;

/// Entries of [`NUMERAL_CHARS`] the look-up can hold (index 0 is "none"); a power of two.
const CLASS_ENTRIES: usize = 64;

/// A two-level look-up from a code point to its entry in [`NUMERAL_CHARS`]: one load for the
/// block of the high byte, one for the low byte, giving the entry's index in `entries` (0 for
/// none).
struct ClassTable {
    block: [u8; 256],
    data: [[u8; 256]; CLASS_BLOCKS],
    entries: [Option<NumeralChar>; CLASS_ENTRIES],
}

const fn class_table() -> ClassTable {
    let mut t = ClassTable {
        block: [0; 256],
        data: [[0; 256]; CLASS_BLOCKS],
        entries: [None; CLASS_ENTRIES],
    };
    assert!(NUMERAL_CHARS.len() < CLASS_ENTRIES, "raise CLASS_ENTRIES");
    let mut used = 0usize;
    let mut k = 0;
    while k < NUMERAL_CHARS.len() {
        let cp = NUMERAL_CHARS[k].c as u32;
        // The byte-level readers decode numeral characters as three-byte code points.
        assert!(
            cp >= 0x800 && cp <= 0xFFFF,
            "numeral characters are three-byte code points"
        );
        let hi = (cp >> 8) as usize;
        if t.block[hi] == 0 {
            used += 1;
            assert!(used < CLASS_BLOCKS, "raise CLASS_BLOCKS");
            t.block[hi] = used as u8;
        }
        let b = t.block[hi] as usize;
        let lo = (cp & 0xFF) as usize;
        assert!(t.data[b][lo] == 0, "a numeral character is listed twice");
        t.data[b][lo] = (k + 1) as u8;
        t.entries[k + 1] = Some(NUMERAL_CHARS[k]);
        k += 1;
    }
    t
}

static CLASS: ClassTable = class_table();

/// The entry of a character in [`NUMERAL_CHARS`].
#[inline]
pub(crate) fn numeral_char(c: char) -> Option<&'static NumeralChar> {
    numeral_char_at_cp(c as u32)
}

/// The entry of a code point in [`NUMERAL_CHARS`].
#[inline]
pub(crate) fn numeral_char_at_cp(cp: u32) -> Option<&'static NumeralChar> {
    if cp > 0xFFFF {
        return None;
    }
    let b = CLASS.block[(cp >> 8) as usize & 0xFF] as usize & (CLASS_BLOCKS - 1);
    let k = CLASS.data[b][(cp & 0xFF) as usize] as usize & (CLASS_ENTRIES - 1);
    CLASS.entries[k].as_ref()
}

#[inline]
pub(crate) fn classify(c: char) -> Option<Tok> {
    numeral_char(c).map(|e| e.tok)
}

/// Whether `c` is a Chinese numeral character that makes up a number: a digit, a unit, a
/// magnitude word or an old tens character (see [`crate::numerals::is_chinese_numeral`]).
pub(crate) fn is_number_char(c: char) -> bool {
    matches!(
        classify(c),
        Some(Tok::Digit(_) | Tok::Zero | Tok::Small(_) | Tok::Big(_) | Tok::Tens(_))
    )
}
