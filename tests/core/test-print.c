/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printed slips read back: a new visitor's personal code, in Swedish and
 * the visitor's language, with the code large (pdftotext; skipped where
 * poppler-utils is missing). */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "lotsen-i18n.h"
#include "lotsen-ticket-pdf.h"
#include "lotsen-test-util.h"

static char *
read_back (GBytes *pdf)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int fd, status;

  if (pdftotext == NULL)
    return NULL;

  fd = g_file_open_tmp ("lotsen-print-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error));
  {
    const char *argv[] = { pdftotext, path, "-", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_unlink (path);
  return out;
}

static void
test_print_code (void)
{
  const struct { const char *lang, *registered; LotsenPaper paper; } cases[] = {
    { "sv", NULL, LOTSEN_PAPER_80MM },
    { "ar", "رمزك", LOTSEN_PAPER_80MM },
    { "ti", "ተመዝጊብኩም", LOTSEN_PAPER_58MM },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = lotsen_code_pdf_render ("K7M4", cases[i].lang, cases[i].paper, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (pdf);
      g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
      /* For build-aux/screenshots.sh: the slips themselves. */
      if (g_getenv ("LOTSEN_PRINT_OUTPUT") != NULL)
        {
          g_autofree char *name = g_strdup_printf ("code-%s.pdf", cases[i].lang);
          g_autofree char *path = g_build_filename (g_getenv ("LOTSEN_PRINT_OUTPUT"), name, NULL);

          g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
        }

      text = read_back (pdf);
      if (text == NULL)
        {
          g_test_skip ("pdftotext is missing");
          return;
        }
      g_test_message ("%s: %s", cases[i].lang, text);
      g_assert_nonnull (strstr (text, "K7M4"));
      g_assert_nonnull (strstr (text, "Du är registrerad"));
      if (cases[i].registered != NULL)
        g_assert_nonnull (strstr (text, cases[i].registered));
    }

  /* The kiosk's own language is as it was. */
  g_assert_cmpstr (lotsen_i18n_get_language (), ==, "sv");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("LOTSEN_LOCALEDIR");

  lotsen_i18n_init (localedir ? localedir : LOCALEDIR);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print/code", test_print_code);

  return g_test_run ();
}
