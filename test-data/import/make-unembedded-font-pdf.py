#!/usr/bin/python3
"""
Writes unembedded-font.pdf: the opening of face-recognition-rules.md (its title, the two date lines, the preamble
and 第一条 to 第二条) set in ReportLab's STSong-Light, a CID font that is not embedded and is named through the
standard CMap UniGB-UCS2-H (`pdffonts` says so), as ReportLab and many office tools write Chinese PDFs. A reader
without that CMap finds no text in it. Run with Debian's python3-reportlab: /usr/bin/python3 make-unembedded-font-pdf.py
"""
import os
import re
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

here = os.path.dirname(os.path.abspath(__file__))
md = open(os.path.join(here, 'face-recognition-rules.md'), encoding='utf-8').read()
paras = [p.strip() for p in md.split('\n\n') if p.strip() and not p.startswith('<!--')]
paras[0] = paras[0].lstrip('# ')
end = next(i for i, p in enumerate(paras) if p.startswith('第三条'))
pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
c = canvas.Canvas(os.path.join(here, 'unembedded-font.pdf'), pagesize=(595, 842), invariant=1)
c.setFont('STSong-Light', 12)
y = 790
for p in paras[:end]:
    # 38 characters a line, as a printed A4 page of 12-point text.
    for k in range(0, len(p), 38):
        if y < 60:
            c.showPage()
            c.setFont('STSong-Light', 12)
            y = 790
        c.drawString(60, y, p[k:k + 38])
        y -= 20
    y -= 8
c.save()
