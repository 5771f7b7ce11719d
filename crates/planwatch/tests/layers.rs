//! The crate's modules form layers, bottom to top, and no module imports one above it:
//!
//! 1. vocabulary: `codes`, `units`, `error`
//! 2. lexing: `numerals`, `quantity`, `trie`
//! 3. model: `document`, `target` (the figure types with `Verdict`), `indicator`, `dataset`
//! 4. grammar: `lexicon` (the words of the grammar, naming the comparators, directions and
//!    relations of the model), `figure` (the phrase parser), `extract`
//! 5. judgement: `assess`, `scorecard`, `validate`
//! 6. tables: `table`
//! 7. built-in data: `builtin`
//!
//! Within a layer a module may import another of the same layer, but the imports must not form
//! a cycle. The test reads `use crate::…` and `crate::…::` paths of every source file, doc
//! comments, comments and `#[cfg(test)]` modules aside (doc tests and unit tests are users of the
//! crate, like any other).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const LAYERS: &[&[&str]] = &[
    &["codes", "numeral_chars", "units", "error"],
    &["numerals", "quantity", "trie"],
    &["document", "jurisdiction", "target", "indicator", "dataset"],
    &["lexicon", "figure", "extract"],
    &["assess", "scorecard", "validate", "panel"],
    &["table"],
    &["builtin"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The top-level module a source file belongs to (`extract/context.rs` → `extract`).
fn module_of(rel: &Path) -> String {
    let first = rel.components().next().expect("a path").as_os_str();
    let name = first.to_string_lossy();
    name.trim_end_matches(".rs").to_string()
}

/// The code of a file without comments, doc comments and its `#[cfg(test)]` tail.
fn code_of(src: &str) -> String {
    let mut out = String::new();
    for line in src.lines() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The top-level modules a file's code names through `crate::`, alone (`crate::units::Unit`)
/// or in a group (`use crate::{error::E, numerals}`).
fn imports(code: &str) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut found = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let after = &code[i + "crate::".len()..];
        let names: Vec<String> = match after.strip_prefix('{') {
            Some(group) => group[..group.find('}').unwrap_or(group.len())]
                .split(',')
                .map(ident)
                .collect(),
            None => vec![ident(after)],
        };
        found.extend(names.into_iter().filter(|n| !n.is_empty()));
    }
    found
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().and_then(|e| e.to_str()) != Some("rs") {
                continue;
            }
            let rel = path.strip_prefix(&src).expect("under src");
            let module = module_of(rel);
            if module == "lib" {
                continue;
            }
            let code = code_of(&std::fs::read_to_string(&path).expect("readable"));
            let deps = graph.entry(module.clone()).or_default();
            for dep in imports(&code) {
                if dep != module {
                    deps.insert(dep);
                }
            }
        }
    }
    graph
}

#[test]
fn every_module_has_a_layer() {
    let g = graph();
    let unplaced: Vec<&String> = g.keys().filter(|m| layer_of(m).is_none()).collect();
    assert!(unplaced.is_empty(), "modules without a layer: {unplaced:?}");
    // The test sees the modules it is meant to see.
    for m in ["numerals", "extract", "builtin", "table", "assess"] {
        assert!(g.contains_key(m), "{m} not read");
    }
}

#[test]
fn no_module_imports_a_layer_above_it() {
    let g = graph();
    let mut upward = Vec::new();
    for (m, deps) in &g {
        let Some(lm) = layer_of(m) else { continue };
        for d in deps {
            match layer_of(d) {
                Some(ld) if ld > lm => upward.push(format!("{m} (layer {lm}) -> {d} (layer {ld})")),
                _ => {}
            }
        }
    }
    assert_eq!(upward, Vec::<String>::new());
}

#[test]
fn nothing_imports_builtin() {
    let g = graph();
    let users: Vec<&String> = g
        .iter()
        .filter(|(_, deps)| deps.contains("builtin"))
        .map(|(m, _)| m)
        .collect();
    assert_eq!(users, Vec::<&String>::new());
}

#[test]
fn the_module_graph_has_no_cycle() {
    let g = graph();
    // Depth-first search with colours; the first back edge names a cycle.
    fn visit(
        m: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(m).copied() {
            Some(2) => return None,
            Some(1) => {
                let start = path.iter().position(|p| p == m).unwrap_or(0);
                let mut cycle = path[start..].to_vec();
                cycle.push(m.to_string());
                return Some(cycle);
            }
            _ => {}
        }
        state.insert(m.to_string(), 1);
        path.push(m.to_string());
        for d in g.get(m).into_iter().flatten() {
            if g.contains_key(d.as_str())
                && let Some(c) = visit(d, g, state, path)
            {
                return Some(c);
            }
        }
        path.pop();
        state.insert(m.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for m in g.keys() {
        let mut path = Vec::new();
        if let Some(cycle) = visit(m, &g, &mut state, &mut path) {
            panic!("import cycle: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn the_reader_finds_imports_and_skips_comments_and_tests() {
    let code = code_of(
        "use crate::units::Unit;\n/// crate::builtin in a doc\nfn f() { crate::quantity::x(); }\n\
         use crate::{error::E, numerals};\n#[cfg(test)]\nmod tests { use crate::builtin; }\n",
    );
    let found: Vec<String> = imports(&code).into_iter().collect();
    assert_eq!(found, ["error", "numerals", "quantity", "units"]);
}
