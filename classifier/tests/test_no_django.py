import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_importing_the_classifier_does_not_import_django():
    code = "import sys, classifier; assert 'django' not in sys.modules, sorted(m for m in sys.modules if 'django' in m)"
    subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, check=True)
