"""Render the sample decision shown in the documentation as LibreOffice shows it:
docs/images/decision-libreoffice-1.png and -2.png (the decision and its annex).

    .venv/bin/python scripts/render_decision_sample.py [OUTPUT_FOLDER]

The built-in decision template filled with its sample data (no database needed), converted
to PDF by headless LibreOffice (`make office` installs it), its pages rendered with pypdfium2
and reduced to a small palette image."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "images"
WIDTH = 900  # pixels


def main(output: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    import django

    django.setup()
    import pypdfium2
    from PIL import Image

    from thidua.documents.choices import DocumentKind
    from thidua.documents.word import builtin, render
    from thidua.documents.word.samples import SAMPLES

    soffice = shutil.which("soffice") or sys.exit("LibreOffice is missing: run `make office`")
    kind = DocumentKind.DECISION
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "decision.docx"
        source.write_bytes(render.render(builtin.template_bytes(kind), SAMPLES[kind]))
        subprocess.run([soffice, f"-env:UserInstallation=file://{folder}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", folder, str(source)],
                       check=True, capture_output=True, timeout=120)
        document = pypdfium2.PdfDocument(str(source.with_suffix(".pdf")))
        for number, page in enumerate(document, start=1):
            image = page.render(scale=WIDTH / page.get_width()).to_pil()
            image = image.convert("L").quantize(16, dither=Image.Dither.NONE)
            target = output / f"decision-libreoffice-{number}.png"
            image.save(target, optimize=True)
            print(f"{target} ({target.stat().st_size // 1024} KB)")
        document.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT)
