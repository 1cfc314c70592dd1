/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-admin outcome set|remove|list: outcomes and the follow-up list
 * from the command line, one tab-separated line a row. */
#include "config.h"

#include <glib/gi18n.h>

#include "lotsen-admin-outcome.h"
#include "lotsen-outcome.h"
#include "lotsen-visitor.h"

static gint64
find_visitor (LotsenStore  *store,
              const char   *code,
              GError      **error)
{
  g_autoptr(LotsenVisitor) visitor = lotsen_visitor_find_by_code (store, code, error);

  return visitor != NULL ? visitor->id : 0;
}

/* `outcome set CODE KIND [--date YYYY-MM-DD] [--note TEXT]`: recorded by
 * staff; a second one of the same kind corrects the first. */
gboolean
lotsen_admin_outcome_set (LotsenStore  *store,
                          const char   *code,
                          const char   *kind,
                          const char   *date,
                          const char   *note,
                          GError      **error)
{
  gint64 visitor_id = find_visitor (store, code, error);

  if (visitor_id == 0)
    return FALSE;

  return lotsen_outcome_set (store, visitor_id, kind, date, LOTSEN_OUTCOME_BY_STAFF, note, error);
}

gboolean
lotsen_admin_outcome_remove (LotsenStore  *store,
                             const char   *code,
                             const char   *kind,
                             GError      **error)
{
  gint64 visitor_id = find_visitor (store, code, error);

  if (visitor_id == 0)
    return FALSE;

  return lotsen_outcome_remove (store, visitor_id, kind, error);
}

/* `outcome list`: code, kind, the day it began, who reported it, note.
 * `outcome list --due`: the follow-up list — code, name, phone, the day
 * of the first visit; with `--output FILE.csv`, as a CSV file. */
gboolean
lotsen_admin_outcome_list (LotsenStore  *store,
                           gboolean      due,
                           const char   *output,
                           GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  if (output != NULL && (!due || *output == '\0' || g_str_equal (output, "-")))
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                           _("Only the follow-up list (--due) is written to a file: give --due --output FILE.csv."));
      return FALSE;
    }

  if (output != NULL)
    {
      g_autofree char *target = g_canonicalize_filename (output, NULL);

      if (!lotsen_outcome_export_follow_up (store, target, error))
        return FALSE;
      /* Translators: %s is the file's name. */
      g_printerr (_("Follow-up list written to %s\n"), target);
      return TRUE;
    }

  if (due)
    {
      rows = lotsen_outcome_list_follow_up (store, error);
      if (rows == NULL)
        return FALSE;

      for (guint i = 0; i < rows->len; i++)
        {
          LotsenFollowUp *row = rows->pdata[i];
          g_autofree char *day = lotsen_store_format_local_day (store, row->first_visit);

          g_print ("%s\t%s\t%s\t%s\n", row->code ? row->code : "-", row->name ? row->name : "-",
                   row->phone ? row->phone : "-", day);
        }
      return TRUE;
    }

  rows = lotsen_outcome_list (store, 0, error);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      LotsenOutcome *row = rows->pdata[i];

      g_print ("%s\t%s\t%s\t%s\t%s\n", row->code ? row->code : "-", row->kind, row->begins_on,
               row->reported_by == LOTSEN_OUTCOME_BY_VISITOR ? "visitor" : "staff",
               row->note ? row->note : "");
    }

  return TRUE;
}
