/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Damaged database files of several kinds, made from a whole one, for the
 * reliability tests of lotsen-admin and of the kiosk window. */
#pragma once

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "lotsen-demo.h"
#include "lotsen-queue.h"
#include "lotsen-store.h"

typedef enum {
  DAMAGE_TRUNCATED,     /* cut off in the middle */
  DAMAGE_ZEROED_PAGE,   /* a page of zeros in the middle */
  DAMAGE_RANDOM_PAGE,   /* a page of random bytes in the middle */
  DAMAGE_NOT_DATABASE,  /* a text file */
  DAMAGE_DIRECTORY,     /* a folder where the file should be */
  N_DAMAGES
} Damage;

static const char * const damage_names[] = {
  "truncated", "zeroed page", "random page", "not a database", "directory",
};

static guint filler_tickets;

/* The demo data, tickets and audit rows, all in the transaction that
 * makes the database: a test machine's disk is slow to sync. */
static inline gboolean
fill_seed (LotsenStore  *store,
           GError      **error)
{
  g_autofree char *detail = g_strnfill (300, 'x');

  if (!lotsen_demo_seed (store, error))
    return FALSE;

  for (guint i = 0; i < filler_tickets; i++)
    {
      g_autoptr(LotsenTicket) ticket = lotsen_queue_take_ticket (store, i % 2 ? "A" : "B", "sv", error);

      if (ticket == NULL)
        return FALSE;
    }

  for (guint i = 0; i < 3000; i++)
    if (!lotsen_store_audit (store, "filler", detail, error))
      return FALSE;

  return TRUE;
}

/* A closed demo database at @path with @tickets tickets and about 300
 * pages, so that the middle page holds data. */
static inline void
make_whole_database (const char *path,
                     guint       tickets)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;

  filler_tickets = tickets;
  store = lotsen_store_open_seeded (path, NULL, fill_seed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
}

/* Damages the closed database at @path. */
static inline void
damage_database (const char *path,
                 Damage      damage)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length, page = 4096, middle;

  if (damage == DAMAGE_DIRECTORY)
    {
      g_assert_cmpint (g_unlink (path), ==, 0);
      g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      return;
    }

  if (damage == DAMAGE_NOT_DATABASE)
    {
      g_file_set_contents (path, "name;phone\nAmina;0701234567\n", -1, &error);
      g_assert_no_error (error);
      return;
    }

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 50 * page);
  middle = (length / page / 2) * page;

  if (damage == DAMAGE_TRUNCATED)
    length = middle + page / 2;
  else if (damage == DAMAGE_ZEROED_PAGE)
    memset (contents + middle, 0, page);
  else
    for (gsize i = 0; i < page; i++)
      contents[middle + i] = (char) g_random_int_range (0, 256);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}
