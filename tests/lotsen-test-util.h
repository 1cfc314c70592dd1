/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small GLib-only helpers shared by the tests and the benchmarks. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

/* Removes a flat temporary folder and the files in it. */
static inline void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static inline int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every name in @dir (hidden ones too) but those that start with
 * @leave_out, sorted and joined by spaces. */
static inline char *
list_folder (const char *dir,
             const char *leave_out)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (leave_out == NULL || !g_str_has_prefix (name, leave_out))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static inline int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Sorts @samples (gint64) and returns their median. */
static inline double
sort_and_median (GArray *samples)
{
  const gint64 *sorted;
  guint n = samples->len;

  g_return_val_if_fail (n > 0, 0);

  g_array_sort (samples, compare_gint64);
  sorted = &g_array_index (samples, gint64, 0);

  if (n % 2 == 1)
    return sorted[n / 2];

  return (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
}
