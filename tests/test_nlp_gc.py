"""nlp.load freezes the pipeline's objects out of the garbage collector's way; that must not cost a caller's data."""

import subprocess
import sys
import textwrap


def test_a_file_opened_before_the_pipeline_is_flushed_at_exit(tmp_path):
    out = tmp_path / "out.txt"
    script = textwrap.dedent(f"""
        import eventwire.nlp as nlp
        fh = open({str(out)!r}, "w")
        def helper():  # (a module-level function: the module's globals are in a reference cycle)
            pass
        nlp.load()
        for i in range(100):
            fh.write("line %d\\n" % i)
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=300)
    assert out.read_text().count("\n") == 100
