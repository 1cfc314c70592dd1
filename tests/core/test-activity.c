/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lotsen-activity.h"
#include "lotsen-signup.h"
#include "lotsen-store-private.h"
#include "lotsen-visitor.h"
#include "lotsen-test-core.h"

#define HOUR 3600
#define DAY  (24 * HOUR)

/* A one-off activity at @starts_at with Swedish and English titles; the
 * id of its only session. */
static gint64
add_once (LotsenStore *store,
          const char  *category,
          int          capacity,
          gint64       starts_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenActivityDraft) draft = lotsen_activity_draft_new ();
  g_autoptr(GPtrArray) sessions = NULL;
  gint64 activity_id;

  draft->category = g_strdup (category);
  draft->pictogram = g_strdup ("lotsen-coffee-symbolic");
  draft->location = g_strdup ("Rum 1");
  draft->capacity = capacity;
  draft->once = lotsen_store_to_local (store, starts_at);
  draft->minutes = 90;
  lotsen_activity_draft_set_text (draft, "sv", "Språkcafé", "Vi pratar svenska");
  lotsen_activity_draft_set_text (draft, "en", "Language café", NULL);

  activity_id = lotsen_activity_create (store, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (activity_id, >, 0);

  sessions = lotsen_activity_list_sessions (store, starts_at, starts_at + 1, "sv", category, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sessions->len; i++)
    {
      LotsenSession *session = sessions->pdata[i];

      if (session->activity_id == activity_id)
        return session->id;
    }

  g_assert_not_reached ();
}

static LotsenSignup *
sign_up (LotsenStore *store,
         gint64       session_id,
         const char  *phone,
         int          party_size)
{
  g_autoptr(GError) error = NULL;
  LotsenSignup *signup = lotsen_activity_sign_up (store, session_id, 0, "Amina", phone, party_size, &error);

  g_assert_no_error (error);
  g_assert_nonnull (signup);
  return signup;
}

static LotsenSession *
get_session (LotsenStore *store,
             gint64       session_id)
{
  g_autoptr(GError) error = NULL;
  LotsenSession *session = lotsen_activity_get_session (store, session_id, "sv", &error);

  g_assert_no_error (error);
  return session;
}

static LotsenSignupStatus
status_of (LotsenStore *store,
           gint64       signup_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenSignup) signup = lotsen_activity_get_signup (store, signup_id, NULL, &error);

  g_assert_no_error (error);
  return signup->status;
}

/* How many audit rows say @what about @detail. */
static int
count_audit (LotsenStore *store,
             const char  *what,
             const char  *detail)
{
  g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (store,
                                                       "SELECT count (*) FROM audit WHERE what = ? AND detail = ?",
                                                       NULL);

  sqlite3_bind_text (stmt, 1, what, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, detail, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int (stmt, 0);
}

static gint64
register_visitor (LotsenStore *store,
                  const char  *given_name,
                  const char  *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenVisitorDraft) draft = lotsen_visitor_draft_new ();
  g_autoptr(LotsenVisitor) visitor = NULL;

  draft->lang = g_strdup ("ar");
  draft->given_name = g_strdup (given_name);
  draft->phone = g_strdup (phone);
  draft->consent = TRUE;
  visitor = lotsen_visitor_register (store, draft, &error);
  g_assert_no_error (error);
  return visitor->id;
}

static void
test_activity_waiting_list (StoreFixture  *fixture,
                            gconstpointer  data)
{
  gint64 session_id = add_once (fixture->store, "language", 3, TEST_NOW + DAY);
  g_autoptr(LotsenSignup) a = NULL, b = NULL, c = NULL, d = NULL, e = NULL;
  g_autoptr(LotsenSession) session = NULL;

  a = sign_up (fixture->store, session_id, "0701111111", 1);
  b = sign_up (fixture->store, session_id, "0702222222", 1);
  c = sign_up (fixture->store, session_id, "0703333333", 1);
  g_assert_cmpint (a->status, ==, LOTSEN_SIGNUP_CONFIRMED);
  g_assert_cmpint (c->status, ==, LOTSEN_SIGNUP_CONFIRMED);
  g_assert_cmpint (c->position, ==, 0);
  g_assert_true (g_uuid_string_is_valid (c->uuid));
  g_assert_cmpstr (c->phone, ==, "+46703333333");
  g_assert_cmpint (c->created_at, ==, TEST_NOW);
  g_assert_cmpint (c->changed_at, ==, TEST_NOW);

  /* Full: the next ones wait, and learn their place in line. */
  d = sign_up (fixture->store, session_id, "0704444444", 1);
  e = sign_up (fixture->store, session_id, "0705555555", 2);
  g_assert_cmpint (d->status, ==, LOTSEN_SIGNUP_WAITLISTED);
  g_assert_cmpint (d->position, ==, 1);
  g_assert_cmpint (e->status, ==, LOTSEN_SIGNUP_WAITLISTED);
  g_assert_cmpint (e->position, ==, 2);

  session = get_session (fixture->store, session_id);
  g_assert_cmpint (session->capacity, ==, 3);
  g_assert_cmpint (session->taken, ==, 3);
  g_assert_cmpint (session->seats_left, ==, 0);
  g_assert_cmpint (session->waiting, ==, 3);
  g_assert_cmpint (session->waiting_signups, ==, 2);
}

/* Every committed state, seen from another connection: never a free seat
 * that the first person waiting would fit into. */
typedef struct
{
  LotsenStore *other;
  gint64       session_id;
  guint        checks;
} Watch;

static void
assert_no_free_seat_for_waiting (LotsenStore *store,
                                 gint64       session_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenSession) session = get_session (store, session_id);
  g_autoptr(GPtrArray) signups = lotsen_activity_list_session_signups (store, session_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < signups->len; i++)
    {
      LotsenSignup *signup = signups->pdata[i];

      if (signup->status == LOTSEN_SIGNUP_WAITLISTED)
        {
          g_assert_cmpint (signup->position, ==, 1);
          g_assert_cmpint (signup->party_size, >, session->capacity - session->taken);
          break;
        }
    }
}

static int
watch_commit_cb (void       *data,
                 sqlite3    *db,
                 const char *name,
                 int         pages)
{
  Watch *watch = data;

  assert_no_free_seat_for_waiting (watch->other, watch->session_id);
  watch->checks++;
  return SQLITE_OK;
}

static void
test_activity_cancel_promotes (StoreFixture  *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenSignup) a = NULL, b = NULL, c = NULL, d = NULL, later = NULL;
  g_autoptr(LotsenSession) session = NULL;
  Watch watch = { 0 };

  watch.session_id = add_once (fixture->store, "language", 2, TEST_NOW + DAY);
  watch.other = lotsen_store_open (fixture->path, fixture->clock, &error);
  g_assert_no_error (error);
  sqlite3_wal_hook (lotsen_store_get_db (fixture->store), watch_commit_cb, &watch);

  a = sign_up (fixture->store, watch.session_id, "0701111111", 1);
  b = sign_up (fixture->store, watch.session_id, "0702222222", 1);
  lotsen_clock_advance (fixture->clock, 60);
  c = sign_up (fixture->store, watch.session_id, "0703333333", 1);
  d = sign_up (fixture->store, watch.session_id, "0704444444", 1);
  g_assert_cmpint (d->position, ==, 2);

  lotsen_clock_advance (fixture->clock, 60);
  g_assert_true (lotsen_activity_cancel_signup (fixture->store, a->id, &error));
  g_assert_no_error (error);

  later = lotsen_activity_get_signup (fixture->store, c->id, "en", &error);
  g_assert_no_error (error);
  g_assert_cmpint (later->status, ==, LOTSEN_SIGNUP_CONFIRMED);
  g_assert_true (later->promoted);
  g_assert_cmpint (later->promoted_at, ==, TEST_NOW + 120);
  g_assert_cmpint (later->changed_at, ==, TEST_NOW + 120);
  g_assert_cmpint (later->position, ==, 0);
  g_assert_cmpstr (later->title, ==, "Language café");
  g_clear_pointer (&later, lotsen_signup_free);

  later = lotsen_activity_get_signup (fixture->store, d->id, NULL, &error);
  g_assert_cmpint (later->status, ==, LOTSEN_SIGNUP_WAITLISTED);
  g_assert_cmpint (later->position, ==, 1);
  g_clear_pointer (&later, lotsen_signup_free);

  /* Cancelling twice is a double tap, not an error. */
  g_assert_true (lotsen_activity_cancel_signup (fixture->store, a->id, &error));
  g_assert_no_error (error);
  g_assert_true (lotsen_activity_cancel_signup (fixture->store, b->id, &error));
  g_assert_cmpint (status_of (fixture->store, d->id), ==, LOTSEN_SIGNUP_CONFIRMED);

  session = get_session (watch.other, watch.session_id);
  g_assert_cmpint (session->taken, ==, 2);
  g_assert_cmpint (session->waiting, ==, 0);

  /* Each sign-up and cancellation that wrote was watched. */
  g_assert_cmpuint (watch.checks, ==, 6);
  sqlite3_wal_hook (lotsen_store_get_db (fixture->store), NULL, NULL);
  g_assert_finalize_object (watch.other);
}

static void
test_activity_party_sizes (StoreFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 session_id = add_once (fixture->store, "language", 4, TEST_NOW + DAY);
  g_autoptr(LotsenSignup) a = NULL, b = NULL, c = NULL, d = NULL;
  g_autoptr(LotsenSession) session = NULL;

  a = sign_up (fixture->store, session_id, "0701111111", 3);
  b = sign_up (fixture->store, session_id, "0702222222", 2);
  c = sign_up (fixture->store, session_id, "0703333333", 1);
  g_assert_cmpint (a->status, ==, LOTSEN_SIGNUP_CONFIRMED);
  /* Two do not fit into one seat … */
  g_assert_cmpint (b->status, ==, LOTSEN_SIGNUP_WAITLISTED);
  /* … and one who would fit does not jump the line. */
  g_assert_cmpint (c->status, ==, LOTSEN_SIGNUP_WAITLISTED);
  g_assert_cmpint (c->position, ==, 2);

  /* One more seat: still not enough for the first in line, so nobody moves. */
  g_assert_true (lotsen_activity_set_session_capacity (fixture->store, session_id, 4, &error));
  g_assert_cmpint (status_of (fixture->store, c->id), ==, LOTSEN_SIGNUP_WAITLISTED);

  /* An increase promotes as far as the seats go. */
  g_assert_true (lotsen_activity_set_session_capacity (fixture->store, session_id, 5, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (fixture->store, b->id), ==, LOTSEN_SIGNUP_CONFIRMED);
  g_assert_cmpint (status_of (fixture->store, c->id), ==, LOTSEN_SIGNUP_WAITLISTED);
  g_assert_true (lotsen_activity_set_session_capacity (fixture->store, session_id, 6, &error));
  g_assert_cmpint (status_of (fixture->store, c->id), ==, LOTSEN_SIGNUP_CONFIRMED);

  /* A decrease keeps everyone who has a seat. */
  g_assert_true (lotsen_activity_set_session_capacity (fixture->store, session_id, 2, &error));
  g_assert_no_error (error);
  session = get_session (fixture->store, session_id);
  g_assert_cmpint (session->capacity, ==, 2);
  g_assert_cmpint (session->taken, ==, 6);
  g_assert_cmpint (session->seats_left, ==, 0);
  g_assert_cmpint (status_of (fixture->store, a->id), ==, LOTSEN_SIGNUP_CONFIRMED);

  d = sign_up (fixture->store, session_id, "0704444444", 1);
  g_assert_cmpint (d->status, ==, LOTSEN_SIGNUP_WAITLISTED);

  /* Three seats freed, still over capacity: nobody is promoted. */
  g_assert_true (lotsen_activity_cancel_signup (fixture->store, a->id, &error));
  g_assert_cmpint (status_of (fixture->store, d->id), ==, LOTSEN_SIGNUP_WAITLISTED);
  g_assert_true (lotsen_activity_cancel_signup (fixture->store, b->id, &error));
  g_assert_cmpint (status_of (fixture->store, d->id), ==, LOTSEN_SIGNUP_CONFIRMED);

  /* A party larger than the whole room is told so. */
  {
    g_autoptr(LotsenSignup) big = lotsen_activity_sign_up (fixture->store, session_id, 0, "Ali",
                                                           "0709999999", 3, &error);
    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
    g_assert_null (big);
  }

  g_assert_false (lotsen_activity_set_session_capacity (fixture->store, session_id, -1, NULL));
  g_assert_false (lotsen_activity_set_session_capacity (fixture->store, session_id, LOTSEN_CAPACITY_MAX + 1, NULL));
}

static void
test_activity_no_show (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* Today at 15:00. */
  gint64 session_id = add_once (fixture->store, "work", 1, TEST_NOW + 5 * HOUR);
  g_autoptr(LotsenSignup) a = NULL, b = NULL, c = NULL;
  g_autoptr(GPtrArray) listed = NULL;

  a = sign_up (fixture->store, session_id, "0701111111", 1);
  b = sign_up (fixture->store, session_id, "0702222222", 1);
  c = sign_up (fixture->store, session_id, "0703333333", 1);

  g_assert_false (lotsen_activity_mark_no_show (fixture->store, b->id, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  lotsen_clock_advance (fixture->clock, 5 * HOUR + 600);
  g_assert_true (lotsen_activity_mark_no_show (fixture->store, a->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (fixture->store, a->id), ==, LOTSEN_SIGNUP_NO_SHOW);
  g_assert_cmpint (status_of (fixture->store, b->id), ==, LOTSEN_SIGNUP_CONFIRMED);
  g_assert_true (lotsen_activity_mark_attended (fixture->store, b->id, &error));
  g_assert_cmpint (status_of (fixture->store, b->id), ==, LOTSEN_SIGNUP_ATTENDED);

  /* Staff list: seated people in order, promoted marked, then the line. */
  listed = lotsen_activity_list_session_signups (fixture->store, session_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 3);
  g_assert_cmpint (((LotsenSignup *) listed->pdata[0])->id, ==, a->id);
  g_assert_false (((LotsenSignup *) listed->pdata[0])->promoted);
  g_assert_cmpint (((LotsenSignup *) listed->pdata[1])->id, ==, b->id);
  g_assert_true (((LotsenSignup *) listed->pdata[1])->promoted);
  g_assert_cmpint (((LotsenSignup *) listed->pdata[2])->id, ==, c->id);
  g_assert_cmpint (((LotsenSignup *) listed->pdata[2])->position, ==, 1);

  /* A cancelled one cannot be marked. */
  g_assert_true (lotsen_activity_cancel_signup (fixture->store, c->id, &error));
  g_assert_false (lotsen_activity_mark_attended (fixture->store, c->id, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
}

static void
test_activity_duplicates (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 session_id = add_once (fixture->store, "language", 10, TEST_NOW + DAY);
  gint64 visitor_id = register_visitor (fixture->store, "Hawa", "0761234567");
  g_autoptr(LotsenSignup) first = NULL, again = NULL, other = NULL, mine = NULL;
  g_autoptr(GPtrArray) my_signups = NULL;

  first = lotsen_activity_sign_up (fixture->store, session_id, visitor_id, NULL, NULL, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->visitor_id, ==, visitor_id);
  g_assert_cmpstr (first->name, ==, "Hawa");
  g_assert_nonnull (first->visitor_code);

  again = lotsen_activity_sign_up (fixture->store, session_id, visitor_id, NULL, NULL, 1, &error);
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_assert_null (again);
  g_clear_error (&error);

  /* The same phone, written another way, without the code. */
  again = lotsen_activity_sign_up (fixture->store, session_id, 0, "Hawa", "+46 76 123 45 67", 1, &error);
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  other = sign_up (fixture->store, session_id, "070-111 11 11", 1);
  again = lotsen_activity_sign_up (fixture->store, session_id, 0, "Sara", "+46701111111", 1, &error);
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* After cancelling, signing up again is fine: at the end of the line. */
  g_assert_true (lotsen_activity_cancel_signup (fixture->store, first->id, &error));
  mine = lotsen_activity_sign_up (fixture->store, session_id, visitor_id, NULL, NULL, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mine->status, ==, LOTSEN_SIGNUP_CONFIRMED);

  my_signups = lotsen_activity_list_visitor_signups (fixture->store, visitor_id, "ar", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (my_signups->len, ==, 1);
  g_assert_cmpint (((LotsenSignup *) my_signups->pdata[0])->id, ==, mine->id);
  g_assert_cmpstr (((LotsenSignup *) my_signups->pdata[0])->title_lang, ==, "sv");
}

static void
test_activity_bad_input (StoreFixture  *fixture,
                         gconstpointer  data)
{
  gint64 session_id = add_once (fixture->store, "language", 10, TEST_NOW + DAY);
  gint64 past_id = add_once (fixture->store, "language", 10, TEST_NOW + 600);
  const struct {
    gint64      session_id;
    gint64      visitor_id;
    const char *name;
    const char *phone;
    int         party_size;
    int         code;
  } cases[] = {
    { session_id, 0, "Amina", "0701234567", 0, LOTSEN_STORE_ERROR_INVALID },
    { session_id, 0, "Amina", "0701234567", 5, LOTSEN_STORE_ERROR_INVALID },
    { session_id, 0, "", "0701234567", 1, LOTSEN_STORE_ERROR_INVALID },
    { session_id, 0, "Amina", "", 1, LOTSEN_STORE_ERROR_INVALID },
    { session_id, 0, "Amina", "07x", 1, LOTSEN_STORE_ERROR_INVALID },
    { session_id, 9999, NULL, NULL, 1, LOTSEN_STORE_ERROR_NOT_FOUND },
    { 9999, 0, "Amina", "0701234567", 1, LOTSEN_STORE_ERROR_NOT_FOUND },
    { past_id, 0, "Amina", "0701234567", 1, LOTSEN_STORE_ERROR_INVALID },
  };
  g_autoptr(GPtrArray) listed = NULL;

  lotsen_clock_advance (fixture->clock, 601);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LotsenSignup) signup = lotsen_activity_sign_up (fixture->store, cases[i].session_id,
                                                                cases[i].visitor_id, cases[i].name,
                                                                cases[i].phone, cases[i].party_size, &error);

      g_assert_error (error, LOTSEN_STORE_ERROR, cases[i].code);
      g_assert_null (signup);
    }

  listed = lotsen_activity_list_session_signups (fixture->store, session_id, NULL);
  g_assert_cmpuint (listed->len, ==, 0);
  g_assert_false (lotsen_activity_cancel_signup (fixture->store, 9999, NULL));
}

static void
test_activity_titles (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenActivityDraft) draft = lotsen_activity_draft_new ();
  g_autoptr(LotsenActivity) activity = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) work = NULL;
  gint64 activity_id;

  add_once (fixture->store, "language", 5, TEST_NOW + DAY);

  /* No Swedish title: any language the activity has, marked. */
  draft->category = g_strdup ("work");
  draft->pictogram = g_strdup ("lotsen-work-symbolic");
  draft->capacity = 4;
  draft->once = lotsen_store_to_local (fixture->store, TEST_NOW + 2 * DAY);
  lotsen_activity_draft_set_text (draft, "uk", "Коучинг", NULL);
  lotsen_activity_draft_set_text (draft, "en", "Coaching", NULL);
  activity_id = lotsen_activity_create (fixture->store, draft, &error);
  g_assert_no_error (error);

  sessions = lotsen_activity_list_sessions (fixture->store, TEST_NOW, TEST_NOW + 14 * DAY, "ti", NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);
  g_assert_cmpstr (((LotsenSession *) sessions->pdata[0])->title, ==, "Språkcafé");
  g_assert_cmpstr (((LotsenSession *) sessions->pdata[0])->title_lang, ==, "sv");
  g_assert_true (((LotsenSession *) sessions->pdata[0])->title_fallback);
  g_assert_cmpstr (((LotsenSession *) sessions->pdata[1])->title, ==, "Coaching");
  g_assert_cmpstr (((LotsenSession *) sessions->pdata[1])->title_lang, ==, "en");
  g_assert_true (((LotsenSession *) sessions->pdata[1])->title_fallback);
  g_assert_cmpint (((LotsenSession *) sessions->pdata[1])->seats_left, ==, 4);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  sessions = lotsen_activity_list_sessions (fixture->store, TEST_NOW, TEST_NOW + 14 * DAY, "uk", NULL, FALSE, &error);
  g_assert_cmpstr (((LotsenSession *) sessions->pdata[1])->title, ==, "Коучинг");
  g_assert_false (((LotsenSession *) sessions->pdata[1])->title_fallback);

  /* Category filter. */
  work = lotsen_activity_list_sessions (fixture->store, TEST_NOW, TEST_NOW + 14 * DAY, "en", "work", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (work->len, ==, 1);
  g_assert_cmpint (((LotsenSession *) work->pdata[0])->activity_id, ==, activity_id);
  g_assert_cmpstr (((LotsenSession *) work->pdata[0])->pictogram, ==, "lotsen-work-symbolic");

  /* Staff see which languages still need a title. */
  activity = lotsen_activity_get (fixture->store, activity_id, "sv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (activity->title, ==, "Coaching");
  g_assert_true (activity->title_fallback);
  g_assert_cmpuint (activity->texts->len, ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) activity->missing_langs, "sv"));
  g_assert_true (g_strv_contains ((const char * const *) activity->missing_langs, "ar"));
  g_assert_false (g_strv_contains ((const char * const *) activity->missing_langs, "en"));
  g_clear_pointer (&activity, lotsen_activity_free);

  /* Editing adds Swedish and changes the seats; the rest stays. */
  lotsen_activity_draft_set_text (draft, "sv", "Jobbcoachning", "Med CV-hjälp");
  g_ptr_array_remove_index (draft->texts, 0);
  draft->capacity = 6;
  g_assert_true (lotsen_activity_update (fixture->store, activity_id, draft, &error));
  g_assert_no_error (error);
  activity = lotsen_activity_get (fixture->store, activity_id, "ti", &error);
  g_assert_cmpstr (activity->title, ==, "Jobbcoachning");
  g_assert_cmpstr (activity->description, ==, "Med CV-hjälp");
  g_assert_cmpint (activity->capacity, ==, 6);
  g_assert_cmpuint (activity->texts->len, ==, 3);

  g_assert_false (lotsen_activity_update (fixture->store, 9999, draft, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  lotsen_activity_draft_set_text (draft, "xx", "Nope", NULL);
  g_assert_false (lotsen_activity_update (fixture->store, activity_id, draft, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
}

static void
test_activity_update_promotes (StoreFixture  *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenActivityDraft) draft = lotsen_activity_draft_new ();
  g_autoptr(LotsenSignup) a = NULL, b = NULL;
  g_autoptr(LotsenSession) session = NULL;
  g_autofree char *detail = NULL;
  gint64 session_id = add_once (fixture->store, "language", 1, TEST_NOW + DAY);

  a = sign_up (fixture->store, session_id, "0701111111", 1);
  b = sign_up (fixture->store, session_id, "0702222222", 1);
  g_assert_cmpint (b->status, ==, LOTSEN_SIGNUP_WAITLISTED);

  session = get_session (fixture->store, session_id);
  draft->category = g_strdup ("language");
  draft->pictogram = g_strdup ("lotsen-coffee-symbolic");
  draft->capacity = 2;
  g_assert_true (lotsen_activity_update (fixture->store, session->activity_id, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (fixture->store, b->id), ==, LOTSEN_SIGNUP_CONFIRMED);

  /* Staff changes are in the audit table. */
  detail = g_strdup_printf ("activity %" G_GINT64_FORMAT, session->activity_id);
  g_assert_cmpint (count_audit (fixture->store, "activity create", detail), ==, 1);
  g_assert_cmpint (count_audit (fixture->store, "activity change", detail), ==, 1);
  g_free (detail);

  g_assert_true (lotsen_activity_set_session_capacity (fixture->store, session_id, 3, &error));
  g_assert_no_error (error);
  detail = g_strdup_printf ("session %" G_GINT64_FORMAT ": 3 seats", session_id);
  g_assert_cmpint (count_audit (fixture->store, "session capacity", detail), ==, 1);
}

static GDateTime *
local (LotsenStore *store,
       int          year,
       int          month,
       int          day,
       int          hour,
       int          minute)
{
  return g_date_time_new (lotsen_store_get_timezone (store), year, month, day, hour, minute, 0);
}

static void
test_activity_weekly_dst (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenActivityDraft) draft = lotsen_activity_draft_new ();
  g_autoptr(GDateTime) start = local (fixture->store, 2027, 3, 10, 12, 0);
  g_autoptr(GPtrArray) sessions = NULL;
  gint64 activity_id;
  guint added = 99;
  gboolean winter = FALSE, summer = FALSE;

  lotsen_clock_set_now (fixture->clock, g_date_time_to_unix (start));

  draft->category = g_strdup ("language");
  draft->pictogram = g_strdup ("lotsen-coffee-symbolic");
  draft->capacity = 12;
  draft->weekday = 2;
  draft->hour = 15;
  draft->minute = 0;
  lotsen_activity_draft_set_text (draft, "sv", "Språkcafé", NULL);
  activity_id = lotsen_activity_create (fixture->store, draft, &error);
  g_assert_no_error (error);

  sessions = lotsen_activity_list_sessions (fixture->store, 0, G_MAXINT64, NULL, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, LOTSEN_SESSION_WEEKS);

  for (guint i = 0; i < sessions->len; i++)
    {
      LotsenSession *session = sessions->pdata[i];
      g_autoptr(GDateTime) at = lotsen_store_to_local (fixture->store, session->starts_at);
      g_autoptr(GDateTime) utc = g_date_time_to_utc (at);

      g_assert_cmpint (session->activity_id, ==, activity_id);
      g_assert_cmpint (g_date_time_get_day_of_week (at), ==, 2);
      g_assert_cmpint (g_date_time_get_hour (at), ==, 15);
      g_assert_cmpint (g_date_time_get_minute (at), ==, 0);
      g_assert_cmpint (session->ends_at - session->starts_at, ==, 60 * 60);
      g_assert_cmpint (session->capacity, ==, 12);

      /* 14:00 UTC in winter time, 13:00 UTC from 28 March. */
      if (g_date_time_get_month (at) == 3 && g_date_time_get_day_of_month (at) < 28)
        {
          g_assert_cmpint (g_date_time_get_hour (utc), ==, 14);
          winter = TRUE;
        }
      else
        {
          g_assert_cmpint (g_date_time_get_hour (utc), ==, 13);
          summer = TRUE;
        }

      if (i > 0)
        g_assert_cmpint (session->starts_at, >, ((LotsenSession *) sessions->pdata[i - 1])->starts_at);
    }
  g_assert_true (winter && summer);

  /* Again: nothing new.  A week later: one more week at the far end. */
  g_assert_true (lotsen_activity_generate_sessions (fixture->store, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 0);

  lotsen_clock_advance (fixture->clock, 7 * DAY);
  g_assert_true (lotsen_activity_generate_sessions (fixture->store, &added, &error));
  g_assert_cmpuint (added, ==, 1);
  g_assert_true (lotsen_activity_generate_sessions (fixture->store, &added, &error));
  g_assert_cmpuint (added, ==, 0);
}

static void
test_activity_one_off (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenActivityDraft) draft = lotsen_activity_draft_new ();
  g_autoptr(GDateTime) when = local (fixture->store, 2026, 12, 3, 18, 30);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(LotsenActivity) activity = NULL;
  g_autofree char *shown = NULL;
  gint64 activity_id;

  draft->category = g_strdup ("society");
  draft->pictogram = g_strdup ("lotsen-society-symbolic");
  draft->capacity = 15;
  draft->minutes = 120;
  draft->once = g_date_time_ref (when);

  /* A title is needed. */
  g_assert_cmpint (lotsen_activity_create (fixture->store, draft, &error), ==, 0);
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  lotsen_activity_draft_set_text (draft, "sv", "Studiebesök", NULL);
  activity_id = lotsen_activity_create (fixture->store, draft, &error);
  g_assert_no_error (error);

  sessions = lotsen_activity_list_sessions (fixture->store, 0, G_MAXINT64, "sv", NULL, TRUE, &error);
  g_assert_cmpuint (sessions->len, ==, 1);
  shown = lotsen_store_format_local (fixture->store, ((LotsenSession *) sessions->pdata[0])->starts_at,
                                     "%Y-%m-%d %H:%M");
  g_assert_cmpstr (shown, ==, "2026-12-03 18:30");
  g_assert_cmpint (((LotsenSession *) sessions->pdata[0])->ends_at, ==, g_date_time_to_unix (when) + 7200);

  activity = lotsen_activity_get (fixture->store, activity_id, "sv", &error);
  g_assert_cmpint (activity->weekday, ==, 0);
  g_assert_cmpstr (activity->start_time, ==, "18:30");
  g_assert_true (g_uuid_string_is_valid (activity->uuid));

  /* One-off activities are not regenerated. */
  {
    guint added = 99;

    g_assert_true (lotsen_activity_generate_sessions (fixture->store, &added, &error));
    g_assert_cmpuint (added, ==, 0);
  }
}

static void
test_activity_cancel_session (StoreFixture  *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 session_id = add_once (fixture->store, "language", 2, TEST_NOW + DAY);
  g_autofree char *detail = NULL;
  g_autoptr(LotsenSignup) a = NULL, b = NULL, c = NULL, d = NULL, late = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) sessions = NULL;

  a = sign_up (fixture->store, session_id, "0701111111", 1);
  b = sign_up (fixture->store, session_id, "0702222222", 1);
  c = sign_up (fixture->store, session_id, "0703333333", 1);
  d = sign_up (fixture->store, session_id, "0704444444", 1);
  g_assert_true (lotsen_activity_cancel_signup (fixture->store, d->id, &error));

  people = lotsen_activity_cancel_session (fixture->store, session_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 3);
  g_assert_cmpint (((LotsenSignup *) people->pdata[0])->id, ==, a->id);
  g_assert_cmpint (((LotsenSignup *) people->pdata[2])->id, ==, c->id);
  g_assert_cmpstr (((LotsenSignup *) people->pdata[2])->phone, ==, "+46703333333");
  g_assert_true (((LotsenSignup *) people->pdata[2])->session_cancelled);
  detail = g_strdup_printf ("session %" G_GINT64_FORMAT, session_id);
  g_assert_cmpint (count_audit (fixture->store, "session cancel", detail), ==, 1);

  late = lotsen_activity_sign_up (fixture->store, session_id, 0, "Sara", "0705555555", 1, &error);
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A cancellation of a cancelled session's sign-up promotes nobody. */
  g_assert_true (lotsen_activity_cancel_signup (fixture->store, a->id, &error));
  g_assert_cmpint (status_of (fixture->store, c->id), ==, LOTSEN_SIGNUP_WAITLISTED);

  sessions = lotsen_activity_list_sessions (fixture->store, TEST_NOW, TEST_NOW + 14 * DAY, "sv", NULL, FALSE, &error);
  g_assert_cmpuint (sessions->len, ==, 0);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = lotsen_activity_list_sessions (fixture->store, TEST_NOW, TEST_NOW + 14 * DAY, "sv", NULL, TRUE, &error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_true (((LotsenSession *) sessions->pdata[0])->cancelled);
}

static void
test_activity_walk_in (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 today = add_once (fixture->store, "work", 2, TEST_NOW + 5 * HOUR);
  gint64 tomorrow = add_once (fixture->store, "work", 2, TEST_NOW + DAY);
  gint64 visitor_id = register_visitor (fixture->store, "Hawa", NULL);
  g_autoptr(LotsenSignup) a = NULL, b = NULL, walk = NULL, early = NULL, twice = NULL, known = NULL;
  g_autoptr(LotsenSession) session = NULL;
  g_autoptr(GPtrArray) listed = NULL;

  a = sign_up (fixture->store, today, "0701111111", 1);
  b = lotsen_activity_sign_up (fixture->store, today, visitor_id, NULL, NULL, 1, &error);
  g_assert_no_error (error);

  /* Walk-ins are in the room: present at once, over capacity if need be. */
  walk = lotsen_activity_add_walk_in (fixture->store, today, 0, "  Omar  ", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (walk->status, ==, LOTSEN_SIGNUP_ATTENDED);
  g_assert_true (walk->walk_in);
  g_assert_cmpstr (walk->name, ==, "Omar");

  session = get_session (fixture->store, today);
  g_assert_cmpint (session->taken, ==, 4);
  g_assert_cmpint (session->seats_left, ==, 0);

  twice = lotsen_activity_add_walk_in (fixture->store, today, visitor_id, NULL, 1, &error);
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (lotsen_activity_mark_attended (fixture->store, b->id, &error));
  g_assert_true (lotsen_activity_mark_attended (fixture->store, a->id, &error));
  g_assert_no_error (error);

  early = lotsen_activity_add_walk_in (fixture->store, tomorrow, 0, "Omar", 1, &error);
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lotsen_activity_mark_no_show (fixture->store, 9999, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  known = lotsen_activity_add_walk_in (fixture->store, today, 0, "", 1, &error);
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  listed = lotsen_activity_list_session_signups (fixture->store, today, &error);
  g_assert_cmpuint (listed->len, ==, 3);
  for (guint i = 0; i < listed->len; i++)
    g_assert_cmpint (((LotsenSignup *) listed->pdata[i])->status, ==, LOTSEN_SIGNUP_ATTENDED);
}

/* Thousands of random operations on a few sessions, checking after each
 * one what must always hold. */
#define N_OPS      2500
#define N_SESSIONS 8
#define N_PHONES   200

typedef struct
{
  gint64     session_id;
  GPtrArray *waiting_before; /* signup ids in line before the operation */
  int        taken_before;
} Tracked;

static void
check_invariants (LotsenStore *store,
                  Tracked     *tracked,
                  GHashTable  *party_of,
                  gint64       touched)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenSession) session = get_session (store, tracked->session_id);
  g_autoptr(GPtrArray) signups = lotsen_activity_list_session_signups (store, tracked->session_id, &error);
  int taken = 0, waiting = 0, waiting_signups = 0;
  g_autoptr(GHashTable) status_of_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 last_created = 0, last_id = 0;
  gboolean still_waiting = FALSE;

  g_assert_no_error (error);

  for (guint i = 0; i < signups->len; i++)
    {
      LotsenSignup *signup = signups->pdata[i];

      /* No sign-up lost or changed in size. */
      g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (party_of, &signup->id)), ==, signup->party_size);

      if (signup->status == LOTSEN_SIGNUP_WAITLISTED)
        {
          /* FIFO, numbered 1, 2, … */
          waiting_signups++;
          g_assert_cmpint (signup->position, ==, waiting_signups);
          g_assert_true (signup->created_at > last_created ||
                         (signup->created_at == last_created && signup->id > last_id));
          last_created = signup->created_at;
          last_id = signup->id;
          waiting += signup->party_size;

          /* Strict FIFO: nobody who fits waits at the front. */
          if (waiting_signups == 1)
            g_assert_cmpint (signup->party_size, >, session->capacity - session->taken);
        }
      else
        {
          g_assert_cmpint (signup->position, ==, 0);
          if (signup->status == LOTSEN_SIGNUP_CONFIRMED || signup->status == LOTSEN_SIGNUP_ATTENDED)
            taken += signup->party_size;
        }
    }

  /* Counts in SQL agree with the rows. */
  g_assert_cmpint (session->taken, ==, taken);
  g_assert_cmpint (session->waiting, ==, waiting);
  g_assert_cmpint (session->waiting_signups, ==, waiting_signups);
  g_assert_cmpint (session->seats_left, ==, MAX (session->capacity - taken, 0));

  /* Never over capacity by a sign-up or a promotion. */
  if (taken > tracked->taken_before)
    g_assert_cmpint (taken, <=, session->capacity);

  /* Those promoted by this operation were the front of the old line:
   * after the first one still waiting, nobody got a seat. */
  for (guint i = 0; i < signups->len; i++)
    {
      LotsenSignup *signup = signups->pdata[i];

      g_hash_table_insert (status_of_id, &signup->id, GINT_TO_POINTER (signup->status));
    }
  for (guint i = 0; i < tracked->waiting_before->len; i++)
    {
      gint64 id = *(gint64 *) tracked->waiting_before->pdata[i];
      gpointer status;

      if (id == touched)
        continue;
      /* Absent from the list: cancelled, which only the touched one can be. */
      g_assert_true (g_hash_table_lookup_extended (status_of_id, &id, NULL, &status));
      if (GPOINTER_TO_INT (status) == LOTSEN_SIGNUP_WAITLISTED)
        still_waiting = TRUE;
      else if (still_waiting)
        g_assert_not_reached ();
      else
        g_assert_cmpint (GPOINTER_TO_INT (status), ==, LOTSEN_SIGNUP_CONFIRMED);
    }

  g_ptr_array_set_size (tracked->waiting_before, 0);
  for (guint i = 0; i < signups->len; i++)
    {
      LotsenSignup *signup = signups->pdata[i];

      if (signup->status == LOTSEN_SIGNUP_WAITLISTED)
        g_ptr_array_add (tracked->waiting_before, g_memdup2 (&signup->id, sizeof signup->id));
    }
  tracked->taken_before = taken;
}

static void
test_activity_property (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(GHashTable) party_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) session_of = g_array_new (FALSE, FALSE, sizeof (int));
  Tracked tracked[N_SESSIONS];
  guint refused = 0, promotions_seen = 0;

  /* Speed only: the file's durability is not what is tested here. */
  g_assert_true (lotsen_store_exec (fixture->store, "PRAGMA synchronous = OFF", NULL));

  for (int s = 0; s < N_SESSIONS; s++)
    {
      /* Later today, so attendance can be taken too. */
      tracked[s].session_id = add_once (fixture->store, "language", g_test_rand_int_range (0, 8),
                                        TEST_NOW + (s + 1) * HOUR);
      tracked[s].waiting_before = g_ptr_array_new_with_free_func (g_free);
      tracked[s].taken_before = 0;
    }

  for (int op = 0; op < N_OPS; op++)
    {
      g_autoptr(GError) error = NULL;
      int s = g_test_rand_int_range (0, N_SESSIONS);
      Tracked *t;
      int kind = g_test_rand_int_range (0, 100);
      gint64 touched = 0;

      lotsen_clock_advance (fixture->clock, g_test_rand_int_range (0, 2));

      /* Cancellations and attendance work on any earlier sign-up, in
       * whichever session it is. */
      if (kind >= 45 && (kind < 75 || kind >= 90) && ids->len > 0)
        {
          guint pick = g_test_rand_int_range (0, ids->len);

          touched = g_array_index (ids, gint64, pick);
          s = g_array_index (session_of, int, pick);
        }
      t = &tracked[s];

      if (kind < 45)
        {
          g_autofree char *phone = g_strdup_printf ("07012%05d", g_test_rand_int_range (0, N_PHONES));
          int party = g_test_rand_int_range (1, LOTSEN_PARTY_MAX + 1);
          g_autoptr(LotsenSignup) signup = lotsen_activity_sign_up (fixture->store, t->session_id, 0, "Amina",
                                                                    phone, party, &error);

          if (signup == NULL)
            {
              /* A duplicate, or a party larger than the room. */
              g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
              refused++;
            }
          else
            {
              g_hash_table_insert (party_of, g_memdup2 (&signup->id, sizeof signup->id), GINT_TO_POINTER (party));
              g_array_append_val (ids, signup->id);
              g_array_append_val (session_of, s);
              touched = signup->id;
            }
        }
      else if (kind < 75 && ids->len > 0)
        {
          if (!lotsen_activity_cancel_signup (fixture->store, touched, &error))
            {
              g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
              refused++;
            }
        }
      else if (kind < 90)
        {
          g_assert_true (lotsen_activity_set_session_capacity (fixture->store, t->session_id,
                                                               g_test_rand_int_range (0, 12), &error));
          g_assert_no_error (error);
        }
      else if (ids->len > 0)
        {
          /* Only seated people are marked present, so no operation here
           * puts a session over capacity on purpose. */
          if (status_of (fixture->store, touched) == LOTSEN_SIGNUP_CONFIRMED && kind % 2 == 0)
            g_assert_true (lotsen_activity_mark_attended (fixture->store, touched, &error));
          else if (!lotsen_activity_mark_no_show (fixture->store, touched, &error))
            {
              g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
              refused++;
            }
        }

      /* Only the operation's session can have changed. */
      {
        guint before = t->waiting_before->len;

        check_invariants (fixture->store, t, party_of, touched);
        if (t->waiting_before->len < before)
          promotions_seen++;
      }
    }

  /* Every successful sign-up is still there. */
  {
    guint total = 0;

    for (int s = 0; s < N_SESSIONS; s++)
      {
        g_autoptr(GPtrArray) all = NULL;
        g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (fixture->store,
                                                             "SELECT count (*) FROM signup WHERE session_id = ?",
                                                             NULL);

        sqlite3_bind_int64 (stmt, 1, tracked[s].session_id);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        total += sqlite3_column_int (stmt, 0);
        g_ptr_array_unref (tracked[s].waiting_before);
      }
    g_assert_cmpuint (total, ==, ids->len);
  }

  g_test_message ("%u sign-ups, %u refused, %u times the line moved", ids->len, refused, promotions_seen);
  g_assert_cmpuint (ids->len, >, 200);
  g_assert_cmpuint (promotions_seen, >, 50);
}

/* The staff list: every active activity with its texts, weekly ones
 * first; the categories each once. */
static void
test_activity_list (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenActivityDraft) draft = lotsen_activity_draft_new ();
  g_autoptr(GPtrArray) activities = NULL;
  g_auto(GStrv) categories = NULL;
  gint64 now = lotsen_store_now (fixture->store);
  gint64 weekly_id;
  LotsenActivity *first, *second;

  activities = lotsen_activity_list (fixture->store, "sv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 0);
  g_clear_pointer (&activities, g_ptr_array_unref);

  add_once (fixture->store, "language", 10, now + 3 * DAY);

  draft->category = g_strdup ("work");
  draft->pictogram = g_strdup ("lotsen-work-symbolic");
  draft->capacity = 4;
  draft->weekday = 2;
  draft->hour = 15;
  lotsen_activity_draft_set_text (draft, "ar", "التدريب على العمل", NULL);
  weekly_id = lotsen_activity_create (fixture->store, draft, &error);
  g_assert_no_error (error);

  add_once (fixture->store, "language", 10, now + 5 * DAY);

  activities = lotsen_activity_list (fixture->store, "sv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 3);
  first = activities->pdata[0];
  second = activities->pdata[1];
  g_assert_cmpint (first->id, ==, weekly_id);
  g_assert_cmpint (first->weekday, ==, 2);
  g_assert_cmpstr (first->start_time, ==, "15:00");
  g_assert_cmpstr (first->title, ==, "التدريب على العمل");
  g_assert_true (first->title_fallback);
  g_assert_cmpuint (first->texts->len, ==, 1);
  g_assert_true (g_strv_contains ((const char * const *) first->missing_langs, "sv"));
  g_assert_false (g_strv_contains ((const char * const *) first->missing_langs, "ar"));
  g_assert_cmpint (second->weekday, ==, 0);
  g_assert_cmpstr (second->title, ==, "Språkcafé");
  g_assert_cmpuint (second->texts->len, ==, 2);

  categories = lotsen_activity_list_categories (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (categories), ==, 2);
  g_assert_cmpstr (categories[0], ==, "language");
  g_assert_cmpstr (categories[1], ==, "work");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_set_up, func, store_fixture_tear_down)

  ADD ("/activity/waiting-list", test_activity_waiting_list);
  ADD ("/activity/cancel-promotes", test_activity_cancel_promotes);
  ADD ("/activity/party-sizes", test_activity_party_sizes);
  ADD ("/activity/no-show", test_activity_no_show);
  ADD ("/activity/duplicates", test_activity_duplicates);
  ADD ("/activity/bad-input", test_activity_bad_input);
  ADD ("/activity/titles", test_activity_titles);
  ADD ("/activity/update-promotes", test_activity_update_promotes);
  ADD ("/activity/weekly-dst", test_activity_weekly_dst);
  ADD ("/activity/one-off", test_activity_one_off);
  ADD ("/activity/cancel-session", test_activity_cancel_session);
  ADD ("/activity/walk-in", test_activity_walk_in);
  ADD ("/activity/property", test_activity_property);
  ADD ("/activity/list", test_activity_list);

#undef ADD

  return g_test_run ();
}
