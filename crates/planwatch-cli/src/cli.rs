//! The command line: options, help text and their checks.

use std::path::PathBuf;

use clap::{Arg, ArgAction, ArgMatches, Command, value_parser};

use planwatch_cli::decode::Encoding;
pub use planwatch_cli::rows::Format;

/// What `planwatch extract` was asked to do.
#[derive(Clone, Debug)]
pub struct Extract {
    /// The paths, globs and `-` as given.
    pub paths: Vec<String>,
    /// Targets and outcomes instead of every mention.
    pub targets: bool,
    /// The output format.
    pub format: Format,
    /// Worker threads.
    pub jobs: usize,
    /// One output file per input in this folder, instead of one stream on stdout.
    pub out_dir: Option<PathBuf>,
    /// The inputs' encoding.
    pub encoding: Encoding,
    /// An indicator catalogue (JSON array) to use instead of the built-in one.
    pub catalogue: Option<PathBuf>,
    /// No progress bar, even on a terminal.
    pub quiet: bool,
}

const ABOUT: &str = "Typed data from China's development plans and government work reports";

const EXTRACT_ABOUT: &str = "Extract figures, or targets and outcomes, from a corpus of texts";

const EXTRACT_LONG: &str = "\
Extract figures, or targets and outcomes, from a corpus of texts.

Each PATH is a file, a folder (walked recursively for *.txt files, in sorted order), a glob
pattern (expanded here, so it may be quoted: 'reports/**/*.txt') or - for standard input. Files
are read in parallel; the output is written in input order, so it is the same whatever --jobs.

Every row starts with a `file` field naming its source. Without --targets, one row per mention:
text, start, end, value, exponent, unit, unit_text, comparator, lower, upper, direction,
subject, indicator, year, kind (target, outcome, other), basis. With --targets, one row per
target (headline targets first) and outcome of each document, with the fields of planwatch's
record tables (document, then jurisdiction, indicator, name_zh, name_en, year, ..., quote,
start, end, ..., status); the document id of a file is its stem, its jurisdiction the GB/T 2260
code of the province its title or byline names (empty for a national report). start and end are Unicode code points of the text, so that
text[start:end] (in Python) is the figure, or the quote. Decimals are strings; an absent value is
null (JSON) or an empty cell (CSV).

An input that cannot be read or decoded is reported on stderr (naming the file and why) and
skipped; the others are still processed.

Exit status: 0 when every input was processed, 1 when some failed, 2 for a usage error (or a
catalogue or output folder that cannot be used).";

/// The command's definition.
pub fn command() -> Command {
    Command::new("planwatch")
        .version(env!("CARGO_PKG_VERSION"))
        .about(ABOUT)
        .subcommand_required(true)
        .arg_required_else_help(true)
        .subcommand(
            Command::new("extract")
                .about(EXTRACT_ABOUT)
                .long_about(EXTRACT_LONG)
                .arg(
                    Arg::new("paths")
                        .value_name("PATH")
                        .help("Files, folders, glob patterns, or - for standard input")
                        .required(true)
                        .num_args(1..)
                        .action(ArgAction::Append),
                )
                .arg(
                    Arg::new("targets")
                        .long("targets")
                        .action(ArgAction::SetTrue)
                        .help("Write targets and outcomes (records) instead of every mention"),
                )
                .arg(
                    Arg::new("format")
                        .long("format")
                        .value_name("FORMAT")
                        .value_parser(["jsonl", "csv"])
                        .default_value("jsonl")
                        .help("Output format"),
                )
                .arg(
                    Arg::new("jobs")
                        .short('j')
                        .long("jobs")
                        .value_name("N")
                        .value_parser(value_parser!(u16).range(1..))
                        .help("Worker threads [default: all cores]"),
                )
                .arg(
                    Arg::new("out-dir")
                        .short('o')
                        .long("out-dir")
                        .value_name("DIR")
                        .value_parser(value_parser!(PathBuf))
                        .help(
                            "Write one file per input into DIR (its path below the folder \
                             argument, .jsonl or .csv) instead of one stream on stdout",
                        ),
                )
                .arg(
                    Arg::new("encoding")
                        .long("encoding")
                        .value_name("ENCODING")
                        .value_parser(["utf-8", "utf8", "gb18030", "gbk"])
                        .default_value("utf-8")
                        .help("Encoding of the inputs (gb18030 also reads GBK and GB 2312)"),
                )
                .arg(
                    Arg::new("catalogue")
                        .long("catalogue")
                        .value_name("FILE.json")
                        .value_parser(value_parser!(PathBuf))
                        .help("Indicator catalogue (a JSON array of indicators) instead of the built-in one"),
                )
                .arg(
                    Arg::new("quiet")
                        .short('q')
                        .long("quiet")
                        .action(ArgAction::SetTrue)
                        .help("No progress bar (there is none anyway when stderr is not a terminal)"),
                ),
        )
}

fn extract(m: &ArgMatches) -> Extract {
    let format = match m.get_one::<String>("format").map(String::as_str) {
        Some("csv") => Format::Csv,
        _ => Format::Jsonl,
    };
    let encoding = match m.get_one::<String>("encoding").map(String::as_str) {
        Some("gb18030" | "gbk") => Encoding::Gb18030,
        _ => Encoding::Utf8,
    };
    let jobs = m.get_one::<u16>("jobs").map_or_else(
        || std::thread::available_parallelism().map_or(1, usize::from),
        |&n| usize::from(n),
    );
    Extract {
        paths: m
            .get_many::<String>("paths")
            .into_iter()
            .flatten()
            .cloned()
            .collect(),
        targets: m.get_flag("targets"),
        format,
        jobs,
        out_dir: m.get_one::<PathBuf>("out-dir").cloned(),
        encoding,
        catalogue: m.get_one::<PathBuf>("catalogue").cloned(),
        quiet: m.get_flag("quiet"),
    }
}

/// Parses the process's arguments; prints help, the version or a usage error and exits (0 for
/// help and version, 2 for a usage error) when that is all there is to do.
pub fn parse() -> Extract {
    let matches = command().get_matches();
    match matches.subcommand() {
        Some(("extract", m)) => extract(m),
        // `subcommand_required` leaves no other case; treat one as a usage error all the same.
        _ => {
            let _ = command().print_help();
            std::process::exit(2)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_is_well_formed() {
        super::command().debug_assert();
    }
}
