//! Speed of `parse_target` over the forms plans write targets in.
#![allow(missing_docs)] // criterion_group! generates undocumented items

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use planwatch::figure::parse_target;

const FORMS: &[&str] = &[
    "5%左右",
    "增长5%左右",
    "1200万人以上",
    "5.5%以内",
    "不低于3%",
    "控制在3%左右",
    "6%－6.5%",
    "6-6.5%",
    "6%至6.5%",
    "下降2.5%左右",
    "1.3万亿斤以上",
    "与经济增长同步",
    "高于国内生产总值增长",
    "基本平衡",
    "持续改善",
    "按3%安排",
    "提高0.2个百分点以上",
    "超过2.2万亿元",
    "近3万亿千瓦时",
    "250余万人",
    "1600多个",
    "下降0.29个百分点",
];

fn bench(c: &mut Criterion) {
    c.bench_function("parse_target/22 forms", |b| {
        b.iter(|| {
            for s in FORMS {
                let _ = black_box(parse_target(black_box(s)));
            }
        })
    });
    c.bench_function("parse_target/增长5%左右", |b| {
        b.iter(|| parse_target(black_box("增长5%左右")))
    });
    c.bench_function("parse_target/与经济增长同步", |b| {
        b.iter(|| parse_target(black_box("与经济增长同步")))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
