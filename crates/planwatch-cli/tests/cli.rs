//! The built `planwatch` binary on small corpora written to a temporary folder.
#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const A: &str = "2024年政府工作报告\n\
                 过去一年，国内生产总值增长5.2%，城镇新增就业1244万人。\n\
                 今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。\n";
/// Its name has a comma, so its `file` cell is quoted in CSV.
const B: &str = "粮食产量1.3万亿斤以上，“价格”,稳定。";
const B_NAME: &str = "corpus/sub/b,1.txt";

const MENTIONS_JSONL: [&str; 5] = [
    r#"{"file":"corpus/a.txt","text":"5.2%","start":25,"end":29,"kind":"outcome","indicator":"gdp_growth","name_zh":"国内生产总值增长","name_en":"GDP growth","subject":"国内生产总值","subject_start":17,"subject_end":23,"year":2023,"end_year":null,"basis":null,"comparator":"exact","value":"5.2","exponent":0,"unit":"percent","unit_text":"%","lower":null,"lower_exponent":null,"upper":null,"upper_exponent":null,"value_base":"5.2","lower_base":null,"upper_base":null,"signed_value":"5.2","direction":"increase","reference":null,"reference_indicator":null,"relation":null}"#,
    r#"{"file":"corpus/a.txt","text":"1244万人","start":36,"end":42,"kind":"outcome","indicator":"urban_new_jobs","name_zh":"城镇新增就业","name_en":"New urban jobs","subject":"城镇新增就业","subject_start":30,"subject_end":36,"year":2023,"end_year":null,"basis":null,"comparator":"exact","value":"1244","exponent":4,"unit":"person","unit_text":"人","lower":null,"lower_exponent":null,"upper":null,"upper_exponent":null,"value_base":"12440000","lower_base":null,"upper_base":null,"signed_value":"1244","direction":null,"reference":null,"reference_indicator":null,"relation":null}"#,
    r#"{"file":"corpus/a.txt","text":"5%左右","start":64,"end":68,"kind":"target","indicator":"gdp_growth","name_zh":"国内生产总值增长","name_en":"GDP growth","subject":"国内生产总值","subject_start":56,"subject_end":62,"year":2024,"end_year":null,"basis":null,"comparator":"around","value":"5","exponent":0,"unit":"percent","unit_text":"%","lower":null,"lower_exponent":null,"upper":null,"upper_exponent":null,"value_base":"5","lower_base":null,"upper_base":null,"signed_value":"5","direction":"increase","reference":null,"reference_indicator":null,"relation":null}"#,
    r#"{"file":"corpus/a.txt","text":"1200万人以上","start":75,"end":83,"kind":"target","indicator":"urban_new_jobs","name_zh":"城镇新增就业","name_en":"New urban jobs","subject":"城镇新增就业","subject_start":69,"subject_end":75,"year":2024,"end_year":null,"basis":null,"comparator":"at_least","value":"1200","exponent":4,"unit":"person","unit_text":"人","lower":null,"lower_exponent":null,"upper":null,"upper_exponent":null,"value_base":"12000000","lower_base":null,"upper_base":null,"signed_value":"1200","direction":null,"reference":null,"reference_indicator":null,"relation":null}"#,
    r#"{"file":"corpus/sub/b,1.txt","text":"1.3万亿斤以上","start":4,"end":12,"kind":"other","indicator":"grain_output","name_zh":"粮食产量","name_en":"Grain output","subject":"粮食产量","subject_start":0,"subject_end":4,"year":null,"end_year":null,"basis":null,"comparator":"at_least","value":"1.3","exponent":12,"unit":"jin","unit_text":"斤","lower":null,"lower_exponent":null,"upper":null,"upper_exponent":null,"value_base":"1300000000000","lower_base":null,"upper_base":null,"signed_value":"1.3","direction":null,"reference":null,"reference_indicator":null,"relation":null}"#,
];

const MENTIONS_CSV: [&str; 6] = [
    "file,text,start,end,kind,indicator,name_zh,name_en,subject,subject_start,subject_end,year,end_year,basis,comparator,value,exponent,unit,unit_text,lower,lower_exponent,upper,upper_exponent,value_base,lower_base,upper_base,signed_value,direction,reference,reference_indicator,relation",
    "corpus/a.txt,5.2%,25,29,outcome,gdp_growth,国内生产总值增长,GDP growth,国内生产总值,17,23,2023,,,exact,5.2,0,percent,%,,,,,5.2,,,5.2,increase,,,",
    "corpus/a.txt,1244万人,36,42,outcome,urban_new_jobs,城镇新增就业,New urban jobs,城镇新增就业,30,36,2023,,,exact,1244,4,person,人,,,,,12440000,,,1244,,,,",
    "corpus/a.txt,5%左右,64,68,target,gdp_growth,国内生产总值增长,GDP growth,国内生产总值,56,62,2024,,,around,5,0,percent,%,,,,,5,,,5,increase,,,",
    "corpus/a.txt,1200万人以上,75,83,target,urban_new_jobs,城镇新增就业,New urban jobs,城镇新增就业,69,75,2024,,,at_least,1200,4,person,人,,,,,12000000,,,1200,,,,",
    "\"corpus/sub/b,1.txt\",1.3万亿斤以上,4,12,other,grain_output,粮食产量,Grain output,粮食产量,0,4,,,,at_least,1.3,12,jin,斤,,,,,1300000000000,,,1.3,,,,",
];

const RECORDS_JSONL: [&str; 4] = [
    r#"{"file":"corpus/a.txt","document":"a","jurisdiction":null,"indicator":"gdp_growth","name_zh":"国内生产总值增长","name_en":"GDP growth","year":2024,"end_year":null,"basis":"year","kind":"target","comparator":"around","value":"5","exponent":0,"unit":"percent","unit_text":"%","lower":null,"lower_exponent":null,"upper":null,"upper_exponent":null,"value_base":"5","lower_base":null,"upper_base":null,"signed_value":"5","direction":"increase","reference":null,"reference_indicator":null,"relation":null,"text":"5%左右","quote":"国内生产总值增长5%左右","start":56,"end":68,"status":null}"#,
    r#"{"file":"corpus/a.txt","document":"a","jurisdiction":null,"indicator":"urban_new_jobs","name_zh":"城镇新增就业","name_en":"New urban jobs","year":2024,"end_year":null,"basis":"year","kind":"target","comparator":"at_least","value":"1200","exponent":4,"unit":"person","unit_text":"人","lower":null,"lower_exponent":null,"upper":null,"upper_exponent":null,"value_base":"12000000","lower_base":null,"upper_base":null,"signed_value":"1200","direction":null,"reference":null,"reference_indicator":null,"relation":null,"text":"1200万人以上","quote":"城镇新增就业1200万人以上","start":69,"end":83,"status":null}"#,
    r#"{"file":"corpus/a.txt","document":"a","jurisdiction":null,"indicator":"gdp_growth","name_zh":"国内生产总值增长","name_en":"GDP growth","year":2023,"end_year":null,"basis":"year","kind":"outcome","comparator":"exact","value":"5.2","exponent":0,"unit":"percent","unit_text":"%","lower":null,"lower_exponent":null,"upper":null,"upper_exponent":null,"value_base":"5.2","lower_base":null,"upper_base":null,"signed_value":"5.2","direction":"increase","reference":null,"reference_indicator":null,"relation":null,"text":"5.2%","quote":"国内生产总值增长5.2%","start":17,"end":29,"status":"preliminary"}"#,
    r#"{"file":"corpus/a.txt","document":"a","jurisdiction":null,"indicator":"urban_new_jobs","name_zh":"城镇新增就业","name_en":"New urban jobs","year":2023,"end_year":null,"basis":"year","kind":"outcome","comparator":"exact","value":"1244","exponent":4,"unit":"person","unit_text":"人","lower":null,"lower_exponent":null,"upper":null,"upper_exponent":null,"value_base":"12440000","lower_base":null,"upper_base":null,"signed_value":"1244","direction":null,"reference":null,"reference_indicator":null,"relation":null,"text":"1244万人","quote":"城镇新增就业1244万人","start":30,"end":42,"status":"preliminary"}"#,
];

const RECORDS_CSV: [&str; 5] = [
    "file,document,jurisdiction,indicator,name_zh,name_en,year,end_year,basis,kind,comparator,value,exponent,unit,unit_text,lower,lower_exponent,upper,upper_exponent,value_base,lower_base,upper_base,signed_value,direction,reference,reference_indicator,relation,text,quote,start,end,status",
    "corpus/a.txt,a,,gdp_growth,国内生产总值增长,GDP growth,2024,,year,target,around,5,0,percent,%,,,,,5,,,5,increase,,,,5%左右,国内生产总值增长5%左右,56,68,",
    "corpus/a.txt,a,,urban_new_jobs,城镇新增就业,New urban jobs,2024,,year,target,at_least,1200,4,person,人,,,,,12000000,,,1200,,,,,1200万人以上,城镇新增就业1200万人以上,69,83,",
    "corpus/a.txt,a,,gdp_growth,国内生产总值增长,GDP growth,2023,,year,outcome,exact,5.2,0,percent,%,,,,,5.2,,,5.2,increase,,,,5.2%,国内生产总值增长5.2%,17,29,preliminary",
    "corpus/a.txt,a,,urban_new_jobs,城镇新增就业,New urban jobs,2023,,year,outcome,exact,1244,4,person,人,,,,,12440000,,,1244,,,,,1244万人,城镇新增就业1244万人,30,42,preliminary",
];

/// A temporary folder holding `corpus/a.txt` and `corpus/sub/b,1.txt`.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("corpus/sub")).unwrap();
    std::fs::write(dir.path().join("corpus/a.txt"), A).unwrap();
    std::fs::write(dir.path().join(B_NAME), B).unwrap();
    dir
}

fn planwatch(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_planwatch"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        pipe.write_all(bytes).unwrap();
    }
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> &str {
    std::str::from_utf8(&o.stdout).unwrap()
}

fn stderr(o: &Output) -> &str {
    std::str::from_utf8(&o.stderr).unwrap()
}

fn jsonl(lines: &[&str]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

fn csv(lines: &[&str]) -> String {
    lines.iter().map(|l| format!("{l}\r\n")).collect()
}

#[test]
fn mentions_as_jsonl() {
    let dir = corpus();
    let o = planwatch(dir.path(), &["extract", "corpus"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), jsonl(&MENTIONS_JSONL));
    assert_eq!(stderr(&o), "");
}

#[test]
fn mentions_as_csv() {
    let dir = corpus();
    let o = planwatch(dir.path(), &["extract", "--format", "csv", "corpus"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), csv(&MENTIONS_CSV));
}

#[test]
fn records_as_jsonl_and_csv() {
    let dir = corpus();
    let o = planwatch(dir.path(), &["extract", "--targets", "corpus"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), jsonl(&RECORDS_JSONL));
    let o = planwatch(
        dir.path(),
        &["extract", "--targets", "--format", "csv", "corpus"],
        None,
    );
    assert_eq!(stdout(&o), csv(&RECORDS_CSV));
}

#[test]
fn every_json_line_parses_and_its_offsets_index_the_text() {
    let dir = corpus();
    let o = planwatch(dir.path(), &["extract", "corpus"], None);
    for line in stdout(&o).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = std::fs::read_to_string(dir.path().join(v["file"].as_str().unwrap())).unwrap();
        let chars: Vec<char> = text.chars().collect();
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(chars[s..e].iter().collect::<String>(), v["text"]);
    }
}

#[test]
fn the_same_bytes_whatever_the_number_of_jobs() {
    let dir = tempfile::tempdir().unwrap();
    // Files of very different sizes, so that they finish out of order.
    for i in 0..24 {
        let text = if i % 5 == 0 {
            A.repeat(40)
        } else {
            A.to_string()
        } + &B.repeat(i);
        std::fs::write(dir.path().join(format!("doc-{i:02}.txt")), text).unwrap();
    }
    for extra in [&[][..], &["--targets"], &["--format", "csv"]] {
        let run = |jobs: &str| {
            let mut args = vec!["extract", "--jobs", jobs, "."];
            args.extend_from_slice(extra);
            let o = planwatch(dir.path(), &args, None);
            assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
            o.stdout
        };
        let one = run("1");
        assert!(one.len() > 10_000);
        assert_eq!(one, run("2"), "{extra:?}");
        assert_eq!(one, run("7"), "{extra:?}");
    }
}

#[test]
fn one_file_per_input_with_out_dir() {
    let dir = corpus();
    let o = planwatch(
        dir.path(),
        &["extract", "--out-dir", "out", "--jobs", "2", "corpus"],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    let read = |p: &str| std::fs::read_to_string(dir.path().join(p)).unwrap();
    assert_eq!(read("out/a.jsonl"), jsonl(&MENTIONS_JSONL[..4]));
    assert_eq!(read("out/sub/b,1.jsonl"), jsonl(&MENTIONS_JSONL[4..]));

    let o = planwatch(
        dir.path(),
        &[
            "extract",
            "-o",
            "csv",
            "--format",
            "csv",
            "--targets",
            "corpus",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(read("csv/a.csv"), csv(&RECORDS_CSV));
    assert_eq!(read("csv/sub/b,1.csv"), csv(&RECORDS_CSV[..1]));
}

#[test]
fn out_dir_refuses_two_inputs_with_one_output() {
    let dir = corpus();
    std::fs::write(dir.path().join("a.txt"), A).unwrap();
    let o = planwatch(
        dir.path(),
        &["extract", "--out-dir", "out", "a.txt", "corpus/a.txt"],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("would both be written to"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn standard_input() {
    let dir = corpus();
    let o = planwatch(dir.path(), &["extract", "-"], Some(A.as_bytes()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let expected: String = MENTIONS_JSONL[..4]
        .iter()
        .map(|l| {
            format!(
                "{}\n",
                l.replace(r#""file":"corpus/a.txt""#, r#""file":"-""#)
            )
        })
        .collect();
    assert_eq!(stdout(&o), expected);

    // With --out-dir, standard input is written to stdin.jsonl.
    let o = planwatch(
        dir.path(),
        &["extract", "-o", "out", "-"],
        Some(A.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/stdin.jsonl")).unwrap(),
        expected
    );

    // Standard input between two files, in the order given.
    let o = planwatch(
        dir.path(),
        &["extract", B_NAME, "-", B_NAME],
        Some("城镇新增就业1244万人".as_bytes()),
    );
    let files: Vec<String> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["file"].to_string())
        .collect();
    assert_eq!(
        files,
        [
            r#""corpus/sub/b,1.txt""#,
            r#""-""#,
            r#""corpus/sub/b,1.txt""#
        ]
    );
}

#[test]
fn a_file_that_is_not_utf8_is_reported_and_skipped() {
    let dir = corpus();
    std::fs::write(
        dir.path().join("corpus/bad.txt"),
        b"GDP \xb9\xfa\xc4\xda 5%",
    )
    .unwrap();
    let o = planwatch(dir.path(), &["extract", "--jobs", "2", "corpus"], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "planwatch: corpus/bad.txt: not valid UTF-8 at byte 4 (line 1, column 5); \
         for GB-encoded text use --encoding gb18030\n"
    );
    // The others are still processed, in order.
    assert_eq!(stdout(&o), jsonl(&MENTIONS_JSONL));
}

#[test]
fn missing_paths_and_empty_globs_fail_the_run_but_not_the_rest() {
    let dir = corpus();
    let o = planwatch(
        dir.path(),
        &["extract", "absent.txt", "corpus/*.md", "corpus/*.txt"],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("absent.txt: no such file or folder"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("corpus/*.md: the pattern matches no file"));
    // The glob is expanded by the command itself (no shell here): only the top-level file.
    assert_eq!(stdout(&o), jsonl(&MENTIONS_JSONL[..4]));
}

#[test]
fn gb18030_input() {
    let dir = corpus();
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(A);
    assert!(!unmappable);
    std::fs::write(dir.path().join("corpus/a.txt"), &bytes).unwrap();
    let (bytes, _, _) = encoding_rs::GB18030.encode(B);
    std::fs::write(dir.path().join(B_NAME), &bytes).unwrap();
    let o = planwatch(
        dir.path(),
        &["extract", "--encoding", "gb18030", "corpus"],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), jsonl(&MENTIONS_JSONL));

    // Read as UTF-8, both files fail, each by name.
    let o = planwatch(dir.path(), &["extract", "corpus"], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    let err = stderr(&o);
    assert!(
        err.contains("planwatch: corpus/a.txt: not valid UTF-8 at byte 4"),
        "{err}"
    );
    assert!(
        err.contains(&format!("planwatch: {B_NAME}: not valid UTF-8")),
        "{err}"
    );
}

#[test]
fn a_catalogue_of_ones_own() {
    let dir = corpus();
    let catalogue = r#"[{"id": "grain", "name_zh": "粮食产量", "name_en": "Grain",
        "aliases": [], "category": "agriculture", "desired": "higher_better",
        "measure": "level", "unit": "jin"}]"#;
    std::fs::write(dir.path().join("cat.json"), catalogue).unwrap();
    let o = planwatch(
        dir.path(),
        &["extract", "--catalogue", "cat.json", "corpus"],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let ids: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["indicator"].clone())
        .collect();
    let null = serde_json::Value::Null;
    assert_eq!(
        ids,
        [
            null.clone(),
            null.clone(),
            null.clone(),
            null,
            "grain".into()
        ]
    );

    std::fs::write(dir.path().join("bad.json"), "[{\"id\": 7}]").unwrap();
    let o = planwatch(
        dir.path(),
        &["extract", "--catalogue", "bad.json", "corpus"],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.json"), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
}

#[test]
fn usage_errors_exit_2() {
    let dir = corpus();
    for args in [
        &[][..],
        &["extract"],
        &["frobnicate"],
        &["extract", "--format", "parquet", "corpus"],
        &["extract", "--jobs", "0", "corpus"],
        &["extract", "--jobs", "many", "corpus"],
        &["extract", "--encoding", "latin-1", "corpus"],
        &["extract", "--no-such-option", "corpus"],
        &["extract", "-", "-"],
    ] {
        let o = planwatch(dir.path(), args, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert_eq!(stdout(&o), "", "{args:?}");
    }
}

#[test]
fn help_and_version() {
    let dir = corpus();
    let o = planwatch(dir.path(), &["extract", "--help"], None);
    assert_eq!(o.status.code(), Some(0));
    for needle in [
        "--targets",
        "--format",
        "--jobs",
        "--out-dir",
        "--encoding",
        "--catalogue",
        "Exit status",
    ] {
        assert!(stdout(&o).contains(needle), "{needle}");
    }
    let o = planwatch(dir.path(), &["--version"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("planwatch "));
}
