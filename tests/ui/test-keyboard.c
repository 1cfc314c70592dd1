/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The on-screen keyboard typing into a real entry, tapped key by key as
 * a visitor would, in each script. */
#include "config.h"

#include <string.h>

#include "lotsen-i18n.h"
#include "lotsen-keyboard.h"
#include "lotsen-test-ui.h"

typedef struct
{
  GtkWidget      *window;
  GtkEntry       *entry;
  LotsenKeyboard *keyboard;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  fixture->window = g_object_ref (gtk_window_new ());
  fixture->entry = g_object_ref (GTK_ENTRY (gtk_entry_new ()));
  fixture->keyboard = g_object_ref (LOTSEN_KEYBOARD (lotsen_keyboard_new ()));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->keyboard));
  gtk_window_set_child (GTK_WINDOW (fixture->window), box);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);

  lotsen_keyboard_set_target (fixture->keyboard, GTK_EDITABLE (fixture->entry));
  g_assert_true (lotsen_keyboard_get_target (fixture->keyboard) == GTK_EDITABLE (fixture->entry));

  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_widget_grab_focus (GTK_WIDGET (fixture->entry));
  lotsen_test_ui_wait (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->keyboard);
  g_assert_finalize_object (fixture->entry);
}

static GtkWidget *
find_key (Fixture    *fixture,
          const char *action,
          const char *target)
{
  GtkWidget *key = lotsen_test_ui_find_action (fixture->window, action, target);

  if (key == NULL)
    g_error ("No visible %s(%s) key in the “%s” layout", action, target ? target : "",
             lotsen_keyboard_get_layout (fixture->keyboard));
  return key;
}

static void
press (Fixture    *fixture,
       const char *action,
       const char *target)
{
  lotsen_test_ui_click (find_key (fixture, action, target));
}

/* Taps the key of each character of @keys (a key may type more than one,
 * as لا does: those are given between | marks). */
static void
type (Fixture    *fixture,
      const char *keys)
{
  g_auto(GStrv) taps = NULL;

  if (strchr (keys, '|') != NULL)
    taps = g_strsplit (keys, "|", -1);
  else
    {
      GPtrArray *chars = g_ptr_array_new ();

      for (const char *p = keys; *p != '\0'; p = g_utf8_next_char (p))
        g_ptr_array_add (chars, g_strndup (p, g_utf8_next_char (p) - p));
      g_ptr_array_add (chars, NULL);
      taps = (GStrv) g_ptr_array_free (chars, FALSE);
    }

  for (guint i = 0; taps[i] != NULL; i++)
    if (taps[i][0] != '\0')
      press (fixture, "keyboard.type", taps[i]);
}

static const char *
text (Fixture *fixture)
{
  return gtk_editable_get_text (GTK_EDITABLE (fixture->entry));
}

static GtkWidget *
vowel_popover (Fixture *fixture)
{
  return lotsen_test_ui_find (GTK_WIDGET (fixture->keyboard), GTK_TYPE_POPOVER, NULL);
}

static void
test_swedish_shift (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *a_ring;

  lotsen_keyboard_set_layout (fixture->keyboard, "sv");
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (fixture->keyboard)), ==, GTK_TEXT_DIR_LTR);

  /* Shift once: the keys show capitals, the next letter is one. */
  press (fixture, "keyboard.shift", NULL);
  a_ring = find_key (fixture, "keyboard.type", "å");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (a_ring)), ==, "Å");
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (a_ring),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, "Å"));
  type (fixture, "åsa");
  g_assert_cmpstr (text (fixture), ==, "Åsa");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (find_key (fixture, "keyboard.type", "å"))), ==, "å");

  /* A non-letter does not use up the shift. */
  press (fixture, "keyboard.type", " ");
  press (fixture, "keyboard.shift", NULL);
  type (fixture, "-é");
  g_assert_cmpstr (text (fixture), ==, "Åsa -É");

  /* Twice: capitals until a third tap. */
  press (fixture, "keyboard.shift", NULL);
  press (fixture, "keyboard.shift", NULL);
  type (fixture, "öl");
  g_assert_cmpstr (text (fixture), ==, "Åsa -ÉÖL");
  press (fixture, "keyboard.shift", NULL);
  type (fixture, "ä1");
  g_assert_cmpstr (text (fixture), ==, "Åsa -ÉÖLä1");

  /* The cursor stays after what was typed, in the middle of the text too. */
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (fixture->entry)), ==, 10);
  gtk_editable_set_position (GTK_EDITABLE (fixture->entry), 3);
  type (fixture, "ro");
  g_assert_cmpstr (text (fixture), ==, "Åsaro -ÉÖLä1");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (fixture->entry)), ==, 5);

  /* The entry kept the focus: no key takes it. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture->window)),
                                         GTK_WIDGET (fixture->entry)));
}

static void
test_arabic (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *first, *last;
  graphene_rect_t first_bounds, last_bounds;

  lotsen_keyboard_set_layout_for_language (fixture->keyboard, "ar");
  g_assert_cmpstr (lotsen_keyboard_get_layout (fixture->keyboard), ==, "ar");
  lotsen_test_ui_wait (fixture->window);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (fixture->keyboard)), ==, GTK_TEXT_DIR_RTL);

  type (fixture, "سلام");
  g_assert_cmpstr (text (fixture), ==, "سلام");

  /* لا is one key and two letters. */
  press (fixture, "keyboard.type", " ");
  press (fixture, "keyboard.type", "لا");
  g_assert_cmpstr (text (fixture), ==, "سلام لا");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (fixture->entry)), ==, 7);

  /* Names need ذ and the alef with hamza or madda too. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry), "");
  type (fixture, "الأحمد");
  type (fixture, " إبراهيم آمنة ذكرى");
  g_assert_cmpstr (text (fixture), ==, "الأحمد إبراهيم آمنة ذكرى");
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry), "سلام لا");

  /* As on every Arabic keyboard: ض at the top left, د at the top right. */
  first = find_key (fixture, "keyboard.type", "ض");
  last = find_key (fixture, "keyboard.type", "د");
  g_assert_true (gtk_widget_compute_bounds (first, fixture->window, &first_bounds));
  g_assert_true (gtk_widget_compute_bounds (last, fixture->window, &last_bounds));
  g_assert_cmpfloat (first_bounds.origin.x, <, last_bounds.origin.x);
  g_assert_cmpfloat (first_bounds.origin.y, ==, last_bounds.origin.y);

  /* Arabic has no capitals. */
  g_assert_null (lotsen_test_ui_find_action (fixture->window, "keyboard.shift", NULL));

  /* Latin letters run left to right even on a right-to-left screen. */
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  press (fixture, "keyboard.switch-script", NULL);
  g_assert_cmpstr (lotsen_keyboard_get_layout (fixture->keyboard), ==, "latin");
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (fixture->keyboard)), ==, GTK_TEXT_DIR_LTR);
  first = find_key (fixture, "keyboard.type", "q");
  last = find_key (fixture, "keyboard.type", "w");
  g_assert_true (gtk_widget_compute_bounds (first, fixture->window, &first_bounds));
  g_assert_true (gtk_widget_compute_bounds (last, fixture->window, &last_bounds));
  g_assert_cmpfloat (first_bounds.origin.x, <, last_bounds.origin.x);

  press (fixture, "keyboard.switch-script", NULL);
  g_assert_cmpstr (lotsen_keyboard_get_layout (fixture->keyboard), ==, "ar");
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (fixture->keyboard)), ==, GTK_TEXT_DIR_RTL);
}

static void
test_persian (Fixture       *fixture,
              gconstpointer  data)
{
  lotsen_keyboard_set_layout_for_language (fixture->keyboard, "fa");
  lotsen_test_ui_wait (fixture->window);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (fixture->keyboard)), ==, GTK_TEXT_DIR_RTL);

  type (fixture, "پژ۴");
  g_assert_cmpstr (text (fixture), ==, "پژ۴");

  /* The half space (ZWNJ), as in می‌روم. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry), "");
  type (fixture, "می");
  press (fixture, "keyboard.type", "\u200c");
  type (fixture, "روم");
  g_assert_cmpstr (text (fixture), ==, "می\u200cروم");
  g_assert_null (gtk_test_accessible_check_property (
    GTK_ACCESSIBLE (find_key (fixture, "keyboard.type", "\u200c")),
    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Half space")));

  /* Persian letters, not their Arabic look-alikes. */
  g_assert_nonnull (find_key (fixture, "keyboard.type", "ی"));
  g_assert_nonnull (find_key (fixture, "keyboard.type", "ک"));
  g_assert_null (lotsen_test_ui_find_action (fixture->window, "keyboard.type", "ي"));
  g_assert_null (lotsen_test_ui_find_action (fixture->window, "keyboard.type", "ك"));
}

static void
test_tigrinya (Fixture       *fixture,
               gconstpointer  data)
{
  const char *orders[] = { "ለ", "ሉ", "ሊ", "ላ", "ሌ", "ል", "ሎ" };
  g_autoptr(GPtrArray) buttons = NULL;
  GtkWidget *popover;

  lotsen_keyboard_set_layout_for_language (fixture->keyboard, "ti");
  lotsen_test_ui_wait (fixture->window);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (fixture->keyboard)), ==, GTK_TEXT_DIR_LTR);
  g_assert_null (vowel_popover (fixture));

  /* A consonant opens its seven orders, in order. */
  press (fixture, "keyboard.vowels", "ለ");
  popover = vowel_popover (fixture);
  g_assert_nonnull (popover);
  buttons = lotsen_test_ui_collect (popover, GTK_TYPE_BUTTON);
  g_assert_cmpuint (buttons->len, ==, G_N_ELEMENTS (orders));
  for (guint i = 0; i < buttons->len; i++)
    {
      g_assert_cmpstr (gtk_button_get_label (buttons->pdata[i]), ==, orders[i]);
      g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (buttons->pdata[i]),
                                                         GTK_ACCESSIBLE_PROPERTY_LABEL, orders[i]));
    }

  /* One of them types it and closes the popover. */
  lotsen_test_ui_click (buttons->pdata[1]);
  g_assert_cmpstr (text (fixture), ==, "ሉ");
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_null (vowel_popover (fixture));

  /* Another consonant, another set; then the full stop. */
  press (fixture, "keyboard.vowels", "ሰ");
  press (fixture, "keyboard.type", "ሳ");
  press (fixture, "keyboard.type", "።");
  g_assert_cmpstr (text (fixture), ==, "ሉሳ።");

  /* Delete takes one character (three bytes in UTF-8) at a time. */
  press (fixture, "keyboard.backspace", NULL);
  g_assert_cmpstr (text (fixture), ==, "ሉሳ");
  press (fixture, "keyboard.backspace", NULL);
  g_assert_cmpstr (text (fixture), ==, "ሉ");
  press (fixture, "keyboard.backspace", NULL);
  g_assert_cmpstr (text (fixture), ==, "");
  press (fixture, "keyboard.backspace", NULL);
  g_assert_cmpstr (text (fixture), ==, "");

  /* To Latin letters and back, for a name written both ways. */
  g_assert_null (gtk_test_accessible_check_property (
    GTK_ACCESSIBLE (find_key (fixture, "keyboard.switch-script", NULL)),
    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Latin letters")));
  press (fixture, "keyboard.switch-script", NULL);
  g_assert_cmpstr (lotsen_keyboard_get_layout (fixture->keyboard), ==, "latin");
  g_assert_null (lotsen_test_ui_find_action (fixture->window, "keyboard.vowels", "ለ"));
  press (fixture, "keyboard.shift", NULL);
  type (fixture, "lul");
  g_assert_cmpstr (text (fixture), ==, "Lul");
  g_assert_null (gtk_test_accessible_check_property (
    GTK_ACCESSIBLE (find_key (fixture, "keyboard.switch-script", NULL)),
    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back to your own letters")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (find_key (fixture, "keyboard.switch-script", NULL))), ==, "ሀለሐ");
  press (fixture, "keyboard.switch-script", NULL);
  g_assert_cmpstr (lotsen_keyboard_get_layout (fixture->keyboard), ==, "ti");
  g_assert_nonnull (find_key (fixture, "keyboard.vowels", "ለ"));
}

static void
test_ukrainian (Fixture       *fixture,
                gconstpointer  data)
{
  lotsen_keyboard_set_layout_for_language (fixture->keyboard, "uk");
  g_assert_cmpstr (lotsen_keyboard_get_layout (fixture->keyboard), ==, "uk");
  lotsen_test_ui_wait (fixture->window);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (fixture->keyboard)), ==, GTK_TEXT_DIR_LTR);

  press (fixture, "keyboard.shift", NULL);
  type (fixture, "їжак");
  press (fixture, "keyboard.type", " ");
  type (fixture, "ґʼє");
  g_assert_cmpstr (text (fixture), ==, "Їжак ґʼє");
}

/* The layouts of the languages added by data: each types its own letters,
 * right to left or left to right as its script runs. */
static void
test_more_scripts (Fixture       *fixture,
                   gconstpointer  data)
{
  const struct {
    const char       *layout;
    GtkTextDirection  direction;
    gboolean          shift;   /* the first letter a capital */
    const char       *keys;
    const char       *typed;
  } cases[] = {
    /* Pashto: its own letters ټ ډ ړ ښ ږ ګ ځ څ ڼ ې ۍ. */
    { "ps", GTK_TEXT_DIR_RTL, FALSE, "ټډړښږګځڅڼېۍ", "ټډړښږګځڅڼېۍ" },
    { "ps", GTK_TEXT_DIR_RTL, FALSE, "ملالۍ", "ملالۍ" },
    /* Sorani: ڕ ڵ ێ ۆ ە ڤ. */
    { "ckb", GTK_TEXT_DIR_RTL, FALSE, "ڕڵێۆەڤ", "ڕڵێۆەڤ" },
    { "ckb", GTK_TEXT_DIR_RTL, FALSE, "ئاراس", "ئاراس" },
    /* Kurmanji: ç ê î û ş, and a capital Ş. */
    { "kmr", GTK_TEXT_DIR_LTR, TRUE, "şêrîn", "Şêrîn" },
    { "kmr", GTK_TEXT_DIR_LTR, FALSE, "çêîûş", "çêîûş" },
    /* Russian: ЙЦУКЕН, with ё ъ ы э. */
    { "ru", GTK_TEXT_DIR_LTR, TRUE, "ирина", "Ирина" },
    { "ru", GTK_TEXT_DIR_LTR, FALSE, "ёъыэ", "ёъыэ" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (fixture->entry), "");
      lotsen_keyboard_set_layout (fixture->keyboard, cases[i].layout);
      g_assert_cmpstr (lotsen_keyboard_get_layout (fixture->keyboard), ==, cases[i].layout);
      lotsen_test_ui_wait (fixture->window);
      g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (fixture->keyboard)), ==, cases[i].direction);
      if (cases[i].shift)
        press (fixture, "keyboard.shift", NULL);
      type (fixture, cases[i].keys);
      g_assert_cmpstr (text (fixture), ==, cases[i].typed);
    }
}

/* Every line of po/languages.ini names a keyboard that exists, and a
 * built language gets it (Dari the Persian one). */
static void
test_language_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "languages.ini", NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;
  g_autofree char *dari = NULL;

  g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  codes = g_key_file_get_groups (file, NULL);
  g_assert_cmpuint (g_strv_length (codes), >=, 12);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *layout = g_key_file_get_string (file, codes[i], "Keyboard", &error);
      const LotsenLanguage *built = lotsen_i18n_lookup (codes[i]);

      g_assert_no_error (error);
      if (!lotsen_keyboard_has_layout (layout))
        g_error ("po/languages.ini gives %s the keyboard “%s”, which does not exist", codes[i], layout);
      if (built != NULL)
        {
          lotsen_keyboard_set_layout_for_language (fixture->keyboard, codes[i]);
          g_assert_cmpstr (lotsen_keyboard_get_layout (fixture->keyboard), ==, layout);
        }
    }

  dari = g_key_file_get_string (file, "prs", "Keyboard", NULL);
  g_assert_cmpstr (dari, ==, "fa");
  g_assert_false (lotsen_keyboard_has_layout ("xx"));
}

static void
test_digits (Fixture       *fixture,
             gconstpointer  data)
{
  lotsen_keyboard_set_layout (fixture->keyboard, "digits");
  lotsen_test_ui_wait (fixture->window);

  type (fixture, "+46 70");
  g_assert_cmpstr (text (fixture), ==, "+46 70");
  g_assert_null (lotsen_test_ui_find_action (fixture->window, "keyboard.type", "a"));
  g_assert_null (lotsen_test_ui_find_action (fixture->window, "keyboard.switch-script", NULL));
}

static void
test_done (Fixture       *fixture,
           gconstpointer  data)
{
  guint done = 0;
  GtkWidget *key;

  g_signal_connect_swapped (fixture->keyboard, "done", G_CALLBACK (g_atomic_int_inc), &done);

  key = find_key (fixture, "keyboard.done", NULL);
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (key),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done")));
  lotsen_test_ui_click (key);
  g_assert_cmpuint (done, ==, 1);

  lotsen_keyboard_set_layout (fixture->keyboard, "ar");
  press (fixture, "keyboard.done", NULL);
  g_assert_cmpuint (done, ==, 2);
}

static void
test_layout_property (Fixture       *fixture,
                      gconstpointer  data)
{
  const struct { const char *language; const char *layout; } map[] = {
    { "sv", "sv" }, { "en", "sv" }, { "so", "sv" }, { "ar", "ar" },
    { "fa", "fa" }, { "ti", "ti" }, { "uk", "uk" }, { "xx", "sv" },
  };
  guint notified = 0;
  g_autofree char *layout = NULL;

  g_signal_connect_swapped (fixture->keyboard, "notify::layout", G_CALLBACK (g_atomic_int_inc), &notified);

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    {
      lotsen_keyboard_set_layout_for_language (fixture->keyboard, map[i].language);
      g_assert_cmpstr (lotsen_keyboard_get_layout (fixture->keyboard), ==, map[i].layout);
    }
  /* sv → ar → fa → ti → uk → sv; unchanged ones notify nothing. */
  g_assert_cmpuint (notified, ==, 5);

  g_object_set (fixture->keyboard, "layout", "digits", NULL);
  g_object_get (fixture->keyboard, "layout", &layout, NULL);
  g_assert_cmpstr (layout, ==, "digits");
  g_assert_cmpuint (notified, ==, 6);

  /* Every language of the kiosk has a keyboard. */
  {
    const LotsenLanguage *languages;
    guint n_languages;

    languages = lotsen_i18n_get_languages (&n_languages);
    for (guint i = 0; i < n_languages; i++)
      {
        lotsen_keyboard_set_layout_for_language (fixture->keyboard, languages[i].code);
        g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (fixture->keyboard)), ==,
                         languages[i].direction == LOTSEN_TEXT_DIRECTION_RTL ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
      }
  }
}

/* The keyboard holds its text field weakly: it may go first. */
static void
test_target_goes_away (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *other = g_object_ref_sink (gtk_text_new ());
  guint notified = 0;

  g_signal_connect_swapped (fixture->keyboard, "notify::target", G_CALLBACK (g_atomic_int_inc), &notified);
  lotsen_keyboard_set_target (fixture->keyboard, GTK_EDITABLE (other));
  lotsen_keyboard_set_target (fixture->keyboard, GTK_EDITABLE (other));
  g_assert_cmpuint (notified, ==, 1);

  press (fixture, "keyboard.type", "a");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (other)), ==, "a");
  g_assert_cmpstr (text (fixture), ==, "");

  g_assert_finalize_object (other);
  g_assert_null (lotsen_keyboard_get_target (fixture->keyboard));

  /* Keys without a text field do nothing, and say nothing. */
  press (fixture, "keyboard.type", "b");
  press (fixture, "keyboard.backspace", NULL);
  g_assert_cmpstr (text (fixture), ==, "");
}

static void
assert_keys_usable (Fixture    *fixture,
                    const char *what)
{
  g_autoptr(GPtrArray) buttons = NULL;

  lotsen_test_ui_wait (fixture->window);
  buttons = lotsen_test_ui_collect (GTK_WIDGET (fixture->keyboard), GTK_TYPE_BUTTON);
  g_assert_cmpuint (buttons->len, >, 7);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = buttons->pdata[i];
      GtkAccessible *accessible = GTK_ACCESSIBLE (button);
      const char *name = gtk_button_get_label (GTK_BUTTON (button));

      if (name == NULL)
        name = gtk_actionable_get_action_name (GTK_ACTIONABLE (button));

      g_assert_true (gtk_widget_has_css_class (button, "key"));
      if (gtk_widget_get_width (button) < 72 || gtk_widget_get_height (button) < 72)
        g_error ("The %s key in %s is %d×%d px, under 72 px", name, what,
                 gtk_widget_get_width (button), gtk_widget_get_height (button));

      if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) &&
          !gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        g_error ("The %s key in %s has no accessible name", name, what);

      if (gtk_widget_get_focusable (button) || gtk_widget_get_focus_on_click (button))
        g_error ("The %s key in %s takes the focus", name, what);
    }
}

static void
test_touch_targets_and_names (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *layouts[] = { "sv", "latin", "ar", "fa", "ti", "uk", "digits" };

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      int minimum;

      lotsen_keyboard_set_layout (fixture->keyboard, layouts[i]);
      assert_keys_usable (fixture, layouts[i]);

      /* It fits a portrait screen (1080 px less a frame), as the pages do. */
      gtk_widget_measure (GTK_WIDGET (fixture->keyboard), GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum, NULL, NULL, NULL);
      if (minimum > 1000)
        g_error ("The %s keyboard needs %d px, more than a portrait screen has", layouts[i], minimum);
    }

  lotsen_keyboard_set_layout (fixture->keyboard, "ti");
  press (fixture, "keyboard.vowels", "ጸ");
  g_assert_nonnull (vowel_popover (fixture));
  assert_keys_usable (fixture, "the ጸ popover");

  lotsen_keyboard_set_layout (fixture->keyboard, "sv");
  press (fixture, "keyboard.shift", NULL);
  assert_keys_usable (fixture, "sv with shift");
}

int
main (int   argc,
      char *argv[])
{
  lotsen_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/keyboard/swedish-shift", test_swedish_shift);
  ADD ("/keyboard/arabic", test_arabic);
  ADD ("/keyboard/persian", test_persian);
  ADD ("/keyboard/tigrinya", test_tigrinya);
  ADD ("/keyboard/ukrainian", test_ukrainian);
  ADD ("/keyboard/more-scripts", test_more_scripts);
  ADD ("/keyboard/language-file", test_language_file);
  ADD ("/keyboard/digits", test_digits);
  ADD ("/keyboard/done", test_done);
  ADD ("/keyboard/layout-property", test_layout_property);
  ADD ("/keyboard/target-goes-away", test_target_goes_away);
  ADD ("/keyboard/touch-targets-and-names", test_touch_targets_and_names);

#undef ADD

  return g_test_run ();
}
