"""The dossier screens under /quan-ly/ho-so/: rounds, the dossier list and page, lines and their
import, attachments. Views read like a sentence: access → form → service → redirect/render."""
