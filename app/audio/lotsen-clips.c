/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-clips.c — recorded clips: one Ogg Opus file a spoken message and
 * language, named by the SHA-1 of the message ("context\004msgid").
 *
 * The clips shipped with the kiosk live in DATADIR/lotsen/clips/<lang>/
 * (LOTSEN_CLIPSDIR overrides the folder, for running uninstalled); the
 * ones recorded at the kiosk, in the data folder's clips/<lang>/, come
 * first.
 */

#define G_LOG_DOMAIN "lotsen-audio"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <libintl.h>
#include <string.h>

#include "lotsen-clips.h"

/**
 * lotsen_clips_key:
 * @message: "context\004msgid", or a msgid without a context
 *
 * Returns: (transfer full): the clip's name without ".ogg"
 */
char *
lotsen_clips_key (const char *message)
{
  g_return_val_if_fail (message != NULL, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA1, message, -1);
}

char *
lotsen_clips_user_dir (const char *language)
{
  return g_build_filename (g_get_user_data_dir (), "lotsen", "clips", language, NULL);
}

char *
lotsen_clips_system_dir (const char *language)
{
  const char *dir = g_getenv ("LOTSEN_CLIPSDIR");

  if (dir != NULL && *dir != '\0')
    return g_build_filename (dir, language, NULL);

  return g_build_filename (CLIPSDIR, language, NULL);
}

/**
 * lotsen_clips_find:
 *
 * Returns: (transfer full) (nullable): the clip of @key in @language, the
 *   kiosk's own recording before the shipped one, or %NULL
 */
char *
lotsen_clips_find (const char *language,
                   const char *key)
{
  g_autofree char *name = NULL;
  char *dirs[2];
  char *found = NULL;

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  name = g_strconcat (key, ".ogg", NULL);
  dirs[0] = lotsen_clips_user_dir (language);
  dirs[1] = lotsen_clips_system_dir (language);
  for (guint i = 0; i < G_N_ELEMENTS (dirs) && found == NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        found = g_steal_pointer (&path);
    }
  g_free (dirs[0]);
  g_free (dirs[1]);

  return found;
}

/**
 * lotsen_clips_message_for_text:
 * @text: a text on screen, in the current gettext language
 *
 * Returns: (nullable): the spoken message @text is the translation of
 */
const char *
lotsen_clips_message_for_text (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  for (guint i = 0; i < lotsen_n_spoken_strings; i++)
    {
      const char *message = lotsen_spoken_strings[i];
      const char *translated = dgettext (GETTEXT_PACKAGE, message);

      /* Untranslated, a message with a context is its msgid. */
      if (translated == message && strchr (message, '\004') != NULL)
        translated = strchr (message, '\004') + 1;
      if (g_strcmp0 (translated, text) == 0)
        return message;
    }

  return NULL;
}

/**
 * lotsen_clips_count:
 *
 * Returns: how many spoken messages have a clip in @language
 */
guint
lotsen_clips_count (const char *language)
{
  guint n = 0;

  for (guint i = 0; i < lotsen_n_spoken_strings; i++)
    {
      g_autofree char *key = lotsen_clips_key (lotsen_spoken_strings[i]);
      g_autofree char *path = lotsen_clips_find (language, key);

      n += path != NULL;
    }

  return n;
}

/**
 * lotsen_clips_export:
 * @folder: where @language's folder is made
 * @n_copied: (out): how many clips were copied
 *
 * Copies the clips recorded at this kiosk in @language to
 * @folder/@language/, for the project to ship.
 */
gboolean
lotsen_clips_export (const char  *language,
                     const char  *folder,
                     guint       *n_copied,
                     GError     **error)
{
  g_autofree char *from = lotsen_clips_user_dir (language);
  g_autofree char *to = g_build_filename (folder, language, NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  *n_copied = 0;
  if (!g_file_test (from, G_FILE_TEST_IS_DIR))
    return TRUE;

  dir = g_dir_open (from, 0, error);
  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source_path = NULL;
      g_autofree char *dest_path = NULL;
      g_autoptr(GFile) source = NULL;
      g_autoptr(GFile) dest = NULL;

      if (!g_str_has_suffix (name, ".ogg"))
        continue;
      if (*n_copied == 0 && g_mkdir_with_parents (to, 0755) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "%s: %s", to, g_strerror (saved_errno));
          return FALSE;
        }
      source_path = g_build_filename (from, name, NULL);
      dest_path = g_build_filename (to, name, NULL);
      source = g_file_new_for_path (source_path);
      dest = g_file_new_for_path (dest_path);
      if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
        return FALSE;
      (*n_copied)++;
    }

  return TRUE;
}
