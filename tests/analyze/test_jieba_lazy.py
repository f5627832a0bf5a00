"""jieba is imported without its HMM tables (jieba.finalseg) until something uses them."""

import os
import subprocess
import sys

SCRIPT = r"""
import sys
from checker.analyze.tokens import Segmenter, _LazySubmodule
from checker.packs import default_rules_dir

seg = Segmenter(str(default_rules_dir() / "jieba-userdict.txt"), ["第一责任人"])
assert seg.cut("党政主要负责人履行第一责任人职责") == ["党政主要负责人", "履", "行", "第一责任人", "职", "责"]
assert isinstance(sys.modules["jieba.finalseg"], _LazySubmodule), "HMM tables were imported"

import jieba
from checker.analyze.tokens import tokenizer
words = list(tokenizer(str(default_rules_dir() / "jieba-userdict.txt")).cut("履行职责", HMM=True))
assert words == ["履行", "职责"], words  # the HMM joins unknown characters into words
assert not isinstance(sys.modules["jieba.finalseg"], _LazySubmodule)
assert hasattr(jieba.finalseg, "cut")
print("ok")
"""


def test_hmm_tables_load_only_when_used():
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"


def test_jieba_cache_goes_to_the_user_cache_folder_not_tmp(tmp_path):
    code = (
        "from checker.analyze.tokens import tokenizer;"
        "from checker.packs import default_rules_dir;"
        "tokenizer(str(default_rules_dir() / 'jieba-userdict.txt'), ('法治政府建设',)).lcut('法治政府建设')"
    )
    env = {**os.environ, "FZCHECK_CACHE_DIR": str(tmp_path / "c"), "TMPDIR": str(tmp_path / "t")}
    (tmp_path / "t").mkdir()
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    assert [p.name.startswith("jieba.u") for p in (tmp_path / "c").iterdir()] == [True]
    assert list((tmp_path / "t").iterdir()) == []
