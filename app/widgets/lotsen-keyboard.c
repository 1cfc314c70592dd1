/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-keyboard.c — the on-screen keyboard for the kiosk's text fields.
 *
 * The kiosk has no physical keyboard: this one types into a GtkEditable
 * (its "target"), in the visitor's own script.  Each layout is a static
 * table of rows; the keys are built from it whenever the layout changes.
 * Keys are buttons bound to the widget's "keyboard.*" actions and never
 * take the focus, so the text field keeps its cursor.
 *
 * A Ge'ez (Tigrinya) key is a consonant: tapping it opens a popover with
 * its seven vowel orders.  Arabic, Persian, Pashto and Sorani keyboards
 * run right to left; every other one left to right, whatever the language
 * of the screen around it.  Which layout a language gets is data: the
 * Keyboard key of its line in po/languages.ini.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lotsen-i18n.h"
#include "lotsen-keyboard.h"

/* The longest row; each row in a table ends with a NULL after its keys. */
#define MAX_ROW_KEYS 12

/* Grid columns to a letter key: a row can be set in by a quarter key. */
#define UNITS_PER_KEY 4

/* How wide a letter key grows on a wide screen, margins included. */
#define MAX_KEY_WIDTH 104

#define ZWNJ "\u200c"

typedef const char *const KeyRow[MAX_ROW_KEYS + 1];

typedef struct
{
  const char   *name;
  const KeyRow *rows;
  guint         n_rows;
  const char   *own_letters; /* the key back from Latin letters, or NULL */
  guint         rtl : 1;
  guint         has_case : 1;
  guint         syllables : 1;   /* a key opens its consonant's vowel orders */
  guint         half_space : 1;  /* a zero-width non-joiner key */
  guint         keypad : 1;      /* a phone's keypad: a space key that shows */
} Layout;

typedef enum {
  SHIFT_OFF,
  SHIFT_ONCE,
  SHIFT_LOCK,
} ShiftState;

/* Every table lists a row's keys from left to right, as they sit on a
 * printed keyboard of that script (ض is at the top left of an Arabic
 * keyboard).  A right-to-left row starts at its right end, so it is
 * filled from the end of its table.  The Shift key goes before the last
 * row and Delete after it. */
static const KeyRow swedish_rows[] = {
  { "1", "2", "3", "4", "5", "6", "7", "8", "9", "0" },
  { "q", "w", "e", "r", "t", "y", "u", "i", "o", "p", "å" },
  { "a", "s", "d", "f", "g", "h", "j", "k", "l", "ö", "ä" },
  { "z", "x", "c", "v", "b", "n", "m", "é", "-" },
};

static const KeyRow arabic_rows[] = {
  { "ض", "ص", "ث", "ق", "ف", "غ", "ع", "ه", "خ", "ح", "ج", "د" },
  { "ش", "س", "ي", "ب", "ل", "ا", "ت", "ن", "م", "ك", "ط" },
  { "ئ", "ء", "ؤ", "ر", "لا", "ى", "ة", "و", "ز", "ظ" },
  /* ذ and the hamza and madda forms of alef, which a printed keyboard
   * has on the key left of 1 and under Shift (الأحمد, إبراهيم, آمنة). */
  { "ذ", "آ", "أ", "إ" },
};

static const KeyRow persian_rows[] = {
  { "۱", "۲", "۳", "۴", "۵", "۶", "۷", "۸", "۹", "۰" },
  { "ض", "ص", "ث", "ق", "ف", "غ", "ع", "ه", "خ", "ح", "ج", "چ" },
  { "ش", "س", "ی", "ب", "ل", "ا", "ت", "ن", "م", "ک", "گ" },
  { "ظ", "ط", "ز", "ر", "ذ", "د", "پ", "و", "ژ" },
};

/* The consonants in the order of the fidel chart, each in its first
 * order; then the Ethiopic comma and full stop. */
static const KeyRow geez_rows[] = {
  { "ሀ", "ለ", "ሐ", "መ", "ረ", "ሰ", "ሸ", "ቀ", "ቐ" },
  { "በ", "ቨ", "ተ", "ቸ", "ኀ", "ነ", "ኘ", "አ", "ከ" },
  { "ኸ", "ወ", "ዐ", "ዘ", "ዠ", "የ", "ደ", "ጀ", "ገ" },
  { "ጠ", "ጨ", "ጰ", "ጸ", "ፀ", "ፈ", "ፐ", "፣", "።" },
};

static const KeyRow ukrainian_rows[] = {
  { "й", "ц", "у", "к", "е", "н", "г", "ш", "щ", "з", "х", "ї" },
  { "ф", "і", "в", "а", "п", "р", "о", "л", "д", "ж", "є", "ґ" },
  { "я", "ч", "с", "м", "и", "т", "ь", "б", "ю", "ʼ" },
};

/* Pashto: the Persian letters with Pashto's own (ټ ډ ړ ښ ږ ګ ځ څ ڼ ې ۍ),
 * as on a printed Pashto keyboard's letter rows. */
static const KeyRow pashto_rows[] = {
  { "ض", "ص", "ث", "ق", "ف", "غ", "ع", "ه", "خ", "ح", "ج", "چ" },
  { "ش", "س", "ی", "ب", "ل", "ا", "ت", "ن", "م", "ک", "ګ" },
  { "ظ", "ط", "ز", "ر", "ذ", "د", "پ", "و", "ږ", "ژ" },
  { "ټ", "ډ", "ړ", "ښ", "ځ", "څ", "ڼ", "ې", "ۍ", "ئ" },
};

/* Sorani (Central Kurdish) in Arabic script: its 33 letters, with ڕ ڵ ێ ۆ
 * ە ڤ; the vowels are letters of their own. */
static const KeyRow sorani_rows[] = {
  { "ق", "و", "ە", "ر", "ت", "ی", "ێ", "ئ", "ۆ", "پ", "ڕ", "ح" },
  { "ا", "س", "ش", "د", "ف", "گ", "ه", "ژ", "ک", "ل", "ڵ" },
  { "ز", "خ", "ج", "چ", "ڤ", "ب", "ن", "م", "ع", "غ" },
};

/* Kurmanji (Northern Kurdish) in Latin letters: Q W E R T Y with ç ê î û ş. */
static const KeyRow kurmanji_rows[] = {
  { "1", "2", "3", "4", "5", "6", "7", "8", "9", "0" },
  { "q", "w", "e", "r", "t", "y", "u", "i", "o", "p", "ê", "û" },
  { "a", "s", "d", "f", "g", "h", "j", "k", "l", "ş", "î" },
  { "z", "x", "c", "v", "b", "n", "m", "ç", "-" },
};

/* Russian: ЙЦУКЕН. */
static const KeyRow russian_rows[] = {
  { "й", "ц", "у", "к", "е", "н", "г", "ш", "щ", "з", "х", "ъ" },
  { "ф", "ы", "в", "а", "п", "р", "о", "л", "д", "ж", "э", "ё" },
  { "я", "ч", "с", "м", "и", "т", "ь", "б", "ю", "-" },
};

static const KeyRow digit_rows[] = {
  { "1", "2", "3" },
  { "4", "5", "6" },
  { "7", "8", "9" },
  { "+", "0" },
};

static const Layout layouts[] = {
  { "sv", swedish_rows, G_N_ELEMENTS (swedish_rows), NULL, .has_case = TRUE },
  { "latin", swedish_rows, G_N_ELEMENTS (swedish_rows), NULL, .has_case = TRUE },
  { "ar", arabic_rows, G_N_ELEMENTS (arabic_rows), "ابت", .rtl = TRUE },
  { "fa", persian_rows, G_N_ELEMENTS (persian_rows), "ابپ", .rtl = TRUE, .half_space = TRUE },
  { "ti", geez_rows, G_N_ELEMENTS (geez_rows), "ሀለሐ", .syllables = TRUE },
  { "uk", ukrainian_rows, G_N_ELEMENTS (ukrainian_rows), "АБВ", .has_case = TRUE },
  { "ps", pashto_rows, G_N_ELEMENTS (pashto_rows), "ابپ", .rtl = TRUE },
  { "ckb", sorani_rows, G_N_ELEMENTS (sorani_rows), "ئاب", .rtl = TRUE },
  { "kmr", kurmanji_rows, G_N_ELEMENTS (kurmanji_rows), NULL, .has_case = TRUE },
  { "ru", russian_rows, G_N_ELEMENTS (russian_rows), "АБВ", .has_case = TRUE },
  { "digits", digit_rows, G_N_ELEMENTS (digit_rows), NULL, .keypad = TRUE },
};

#define LATIN (&layouts[1])

/* The seven orders of a Ge'ez consonant are consecutive code points. */
#define N_VOWEL_ORDERS 7

struct _LotsenKeyboard
{
  GtkWidget      parent_instance;

  GtkWidget     *keys;         /* a GtkGrid */
  GtkPopover    *vowels;
  GtkWidget     *vowel_keys[N_VOWEL_ORDERS];
  GtkWidget     *shift_key;

  GtkEditable   *target;       /* weak */
  const Layout  *layout;
  const Layout  *home;         /* the layout the Latin one switches back to */
  ShiftState     shift;
  int            units;        /* grid columns */
};

G_DEFINE_FINAL_TYPE (LotsenKeyboard, lotsen_keyboard, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_LAYOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const Layout *
lookup_layout (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    if (g_strcmp0 (layouts[i].name, name) == 0)
      return &layouts[i];

  return NULL;
}

static gboolean
is_consonant (const char *text)
{
  gunichar c = g_utf8_get_char (text);

  /* Ethiopic syllables: each consonant starts a group of eight. */
  return c >= 0x1200 && c < 0x1360 && (c - 0x1200) % 8 == 0;
}

static gboolean
has_case (const char *text)
{
  g_autofree char *upper = g_utf8_strup (text, -1);

  return !g_str_equal (upper, text);
}

static void
set_direction_deep (GtkWidget        *widget,
                    GtkTextDirection  direction)
{
  gtk_widget_set_direction (widget, direction);

  /* A widget's direction is its own, not its parent's: set every one. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_NATIVE (child))
      set_direction_deep (child, direction);
}

static GtkWidget *
new_key (const char *action_name,
         const char *target)
{
  GtkWidget *key = gtk_button_new ();

  gtk_widget_add_css_class (key, "key");
  gtk_widget_set_focusable (key, FALSE);
  gtk_widget_set_focus_on_click (key, FALSE);
  if (target != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (key), "s", target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (key), action_name);
  return key;
}

/* What a screen reader says for @key.  Call it after giving the key its
 * label or icon: a GtkButton forgets its name when they change. */
static void
name_key (GtkWidget  *key,
          const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (key),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static GtkWidget *
new_letter_key (const Layout *layout,
                const char   *text)
{
  gboolean opens_vowels = layout->syllables && is_consonant (text);
  GtkWidget *key = new_key (opens_vowels ? "keyboard.vowels" : "keyboard.type", text);

  gtk_button_set_label (GTK_BUTTON (key), text);
  name_key (key, text);
  return key;
}

static GtkWidget *
new_function_key (const char *action_name,
                  const char *target,
                  const char *label,
                  const char *icon_name,
                  const char *accessible_name)
{
  GtkWidget *key = new_key (action_name, target);

  gtk_widget_add_css_class (key, "function-key");
  if (label != NULL)
    gtk_button_set_label (GTK_BUTTON (key), label);
  if (icon_name != NULL)
    gtk_button_set_icon_name (GTK_BUTTON (key), icon_name);
  name_key (key, accessible_name);
  return key;
}

static GtkWidget *
new_done_key (void)
{
  /* Translators: the on-screen keyboard's Enter key: the text is finished */
  GtkWidget *key = new_function_key ("keyboard.done", NULL, NULL, NULL, _("Done"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *image = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "lotsen-done-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("Done")));
  gtk_button_set_child (GTK_BUTTON (key), box);
  name_key (key, _("Done"));
  gtk_widget_add_css_class (key, "suggested-action");
  gtk_widget_add_css_class (key, "done-key");
  return key;
}

/* Places @key on @row of the grid, @span columns wide from @column:
 * column 0 is the row's start, the right end in a right-to-left layout. */
static void
place_key (LotsenKeyboard *self,
           GtkWidget      *key,
           int             row,
           int            *column,
           int             span)
{
  gtk_grid_attach (GTK_GRID (self->keys), key, *column, row, span, 1);
  *column += span;
}

/* Shows each letter as the next tap types it: capital or small. */
static void
update_letters (LotsenKeyboard *self)
{
  for (GtkWidget *key = gtk_widget_get_first_child (self->keys);
       key != NULL;
       key = gtk_widget_get_next_sibling (key))
    {
      GVariant *target;
      const char *text;
      g_autofree char *shown = NULL;

      if (!gtk_widget_has_css_class (key, "letter"))
        continue;

      target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (key));
      text = g_variant_get_string (target, NULL);
      shown = self->shift != SHIFT_OFF ? g_utf8_strup (text, -1) : g_strdup (text);
      gtk_button_set_label (GTK_BUTTON (key), shown);
      name_key (key, shown);
    }
}

static void
set_shift (LotsenKeyboard *self,
           ShiftState      shift)
{
  if (self->shift == shift)
    return;

  self->shift = shift;

  if (self->shift_key != NULL)
    {
      if (shift == SHIFT_ONCE)
        gtk_widget_add_css_class (self->shift_key, "shifted");
      else
        gtk_widget_remove_css_class (self->shift_key, "shifted");
      if (shift == SHIFT_LOCK)
        gtk_widget_add_css_class (self->shift_key, "caps-lock");
      else
        gtk_widget_remove_css_class (self->shift_key, "caps-lock");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->shift_key),
                                   GTK_ACCESSIBLE_STATE_PRESSED,
                                   shift == SHIFT_OFF ? GTK_ACCESSIBLE_TRISTATE_FALSE
                                                      : GTK_ACCESSIBLE_TRISTATE_TRUE,
                                   -1);
    }

  update_letters (self);
}

static guint
count_keys (const KeyRow row)
{
  guint n_keys = 0;

  while (n_keys < MAX_ROW_KEYS && row[n_keys] != NULL)
    n_keys++;

  return n_keys;
}

/* The keys sit on a grid of equal columns, UNITS_PER_KEY to a letter
 * key, so every letter key has the same size and a shorter row can be
 * set in by half a key, as on a real keyboard.  The grid is as wide as
 * the longest row; Shift and Delete fill out the last one. */
static void
rebuild (LotsenKeyboard *self)
{
  const Layout *layout = self->layout;
  GtkTextDirection direction = layout->rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;
  guint n_functions = (layout->has_case ? 1 : 0) + 1;
  guint widest = 0;
  int units, column, span;
  GtkWidget *child;
  GtkWidget *key;
  int row;

  gtk_popover_popdown (self->vowels);
  self->shift = SHIFT_OFF;
  self->shift_key = NULL;

  while ((child = gtk_widget_get_first_child (self->keys)) != NULL)
    gtk_grid_remove (GTK_GRID (self->keys), child);

  for (guint r = 0; r < layout->n_rows; r++)
    widest = MAX (widest, count_keys (layout->rows[r]) + (r + 1 == layout->n_rows ? n_functions : 0));
  self->units = units = (int) widest * UNITS_PER_KEY;

  for (row = 0; row < (int) layout->n_rows; row++)
    {
      const char *const *keys = layout->rows[row];
      gboolean last = row + 1 == (int) layout->n_rows;
      int n_keys = (int) count_keys (keys);
      int letters = n_keys * UNITS_PER_KEY;
      int function_span = 0;

      if (last)
        {
          /* What the letters leave, up to one and a half keys each. */
          function_span = MIN ((units - letters) / (int) n_functions, UNITS_PER_KEY * 3 / 2);
          column = (units - letters - function_span * (int) n_functions) / 2;
        }
      else
        column = (units - letters) / 2;

      if (last && layout->has_case)
        {
          /* Translators: what a screen reader says for the Shift key of the on-screen keyboard */
          self->shift_key = new_function_key ("keyboard.shift", NULL, "⇧", NULL, _("Capital letters"));
          gtk_widget_add_css_class (self->shift_key, "shift-key");
          gtk_accessible_update_state (GTK_ACCESSIBLE (self->shift_key),
                                       GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_FALSE,
                                       -1);
          place_key (self, self->shift_key, row, &column, function_span);
        }

      /* In reading order: from the right in a right-to-left row. */
      for (int k = 0; k < n_keys; k++)
        {
          const char *text = keys[layout->rtl ? n_keys - 1 - k : k];

          key = new_letter_key (layout, text);
          if (layout->has_case && has_case (text))
            gtk_widget_add_css_class (key, "letter");
          place_key (self, key, row, &column, UNITS_PER_KEY);
        }

      if (last)
        {
          /* Translators: the on-screen keyboard's key that deletes the letter before the cursor */
          key = new_function_key ("keyboard.backspace", NULL, NULL, "edit-clear-symbolic", _("Delete"));
          place_key (self, key, row, &column, function_span);
        }
    }

  /* The bottom row: the space bar takes what the other keys leave. */
  column = 0;
  span = units;

  if (layout->own_letters != NULL || (layout == LATIN && self->home->own_letters != NULL))
    {
      const char *label, *name;

      if (layout == LATIN)
        {
          label = self->home->own_letters;
          /* Translators: the on-screen keyboard's key from Latin letters back to the visitor's own script */
          name = _("Back to your own letters");
        }
      else
        {
          label = "ABC";
          /* Translators: the on-screen keyboard's key "ABC", to type a name in Latin letters */
          name = _("Latin letters");
        }
      key = new_function_key ("keyboard.switch-script", NULL, label, NULL, name);
      gtk_widget_add_css_class (key, "script-key");
      place_key (self, key, row, &column, UNITS_PER_KEY * 3 / 2);
      span -= UNITS_PER_KEY * 3 / 2;
    }

  if (layout->half_space)
    {
      /* Persian writes the half space (ZWNJ) inside words; the key shows
       * its Persian name, نیم‌فاصله, as Persian keyboards do. */
      /* Translators: the Persian keyboard's key for the zero-width non-joiner (نیم‌فاصله) */
      key = new_function_key ("keyboard.type", ZWNJ, "نیم‌فاصله", NULL, _("Half space"));
      place_key (self, key, row, &column, UNITS_PER_KEY * 2);
      span -= UNITS_PER_KEY * 2;
    }

  span -= UNITS_PER_KEY * 2;
  /* Translators: the on-screen keyboard's space bar */
  key = new_function_key ("keyboard.type", " ", layout->keypad ? "␣" : NULL, NULL, _("Space"));
  gtk_widget_add_css_class (key, "space-key");
  place_key (self, key, row, &column, span);

  place_key (self, new_done_key (), row, &column, UNITS_PER_KEY * 2);

  set_direction_deep (GTK_WIDGET (self), direction);
}

static void
set_layout (LotsenKeyboard *self,
            const Layout   *layout)
{
  if (layout == self->layout)
    return;

  if (layout != LATIN)
    self->home = layout;
  self->layout = layout;
  rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

/* Types @text at the cursor, over the selection if there is one, and
 * leaves the cursor after it. */
static void
insert_text (LotsenKeyboard *self,
             const char     *text)
{
  int start, end;
  int position;

  if (self->target == NULL || !gtk_editable_get_editable (self->target))
    return;

  if (gtk_editable_get_selection_bounds (self->target, &start, &end))
    {
      gtk_editable_delete_text (self->target, start, end);
      position = start;
    }
  else
    position = gtk_editable_get_position (self->target);

  gtk_editable_insert_text (self->target, text, -1, &position);
  gtk_editable_set_position (self->target, position);
}

static void
type_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LotsenKeyboard *self = LOTSEN_KEYBOARD (widget);
  const char *text = g_variant_get_string (parameter, NULL);
  g_autofree char *capital = NULL;

  gtk_popover_popdown (self->vowels);

  if (self->shift != SHIFT_OFF && has_case (text))
    {
      capital = g_utf8_strup (text, -1);
      text = capital;
      if (self->shift == SHIFT_ONCE)
        set_shift (self, SHIFT_OFF);
    }

  insert_text (self, text);
}

static GtkWidget *
find_key (LotsenKeyboard *self,
          const char     *action_name,
          const char     *text)
{
  for (GtkWidget *key = gtk_widget_get_first_child (self->keys);
       key != NULL;
       key = gtk_widget_get_next_sibling (key))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (key));

      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (key)), action_name) == 0 &&
          target != NULL && g_str_equal (g_variant_get_string (target, NULL), text))
        return key;
    }

  return NULL;
}

static void
vowels_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LotsenKeyboard *self = LOTSEN_KEYBOARD (widget);
  const char *consonant = g_variant_get_string (parameter, NULL);
  gunichar first = g_utf8_get_char (consonant);
  GtkWidget *key = find_key (self, action_name, consonant);
  graphene_rect_t bounds;

  g_return_if_fail (is_consonant (consonant));

  for (guint i = 0; i < N_VOWEL_ORDERS; i++)
    {
      char syllable[8] = { 0 };

      g_unichar_to_utf8 (first + i, syllable);
      gtk_button_set_label (GTK_BUTTON (self->vowel_keys[i]), syllable);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->vowel_keys[i]), "s", syllable);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->vowel_keys[i]), "keyboard.type");
      name_key (self->vowel_keys[i], syllable);
    }

  /* Above the consonant's key, so the finger does not hide it. */
  if (key != NULL && gtk_widget_compute_bounds (key, widget, &bounds))
    gtk_popover_set_pointing_to (self->vowels,
                                 &(GdkRectangle) { (int) bounds.origin.x, (int) bounds.origin.y,
                                                   (int) bounds.size.width, (int) bounds.size.height });
  gtk_popover_popup (self->vowels);
}

static void
backspace_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LotsenKeyboard *self = LOTSEN_KEYBOARD (widget);
  int start, end;

  gtk_popover_popdown (self->vowels);

  if (self->target == NULL || !gtk_editable_get_editable (self->target))
    return;

  if (!gtk_editable_get_selection_bounds (self->target, &start, &end))
    {
      /* Positions count characters, not bytes. */
      end = gtk_editable_get_position (self->target);
      start = MAX (end - 1, 0);
    }

  if (start < end)
    {
      gtk_editable_delete_text (self->target, start, end);
      gtk_editable_set_position (self->target, start);
    }
}

static void
shift_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LotsenKeyboard *self = LOTSEN_KEYBOARD (widget);

  /* Once: the next letter is a capital.  Twice: all of them, until a
   * third tap. */
  switch (self->shift)
    {
    case SHIFT_OFF:
      set_shift (self, SHIFT_ONCE);
      break;

    case SHIFT_ONCE:
      set_shift (self, SHIFT_LOCK);
      break;

    case SHIFT_LOCK:
    default:
      set_shift (self, SHIFT_OFF);
      break;
    }
}

static void
switch_script_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LotsenKeyboard *self = LOTSEN_KEYBOARD (widget);

  if (self->layout == LATIN)
    set_layout (self, self->home);
  else if (self->layout->own_letters != NULL)
    set_layout (self, LATIN);
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LotsenKeyboard *self = LOTSEN_KEYBOARD (widget);

  gtk_popover_popdown (self->vowels);
  g_signal_emit (self, signals[DONE], 0);
}

static void
lotsen_keyboard_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  LotsenKeyboard *self = LOTSEN_KEYBOARD (widget);

  gtk_widget_measure (self->keys, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* The keys grow with the space they get, to MAX_KEY_WIDTH; the rest is
 * left around them. */
static void
lotsen_keyboard_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  LotsenKeyboard *self = LOTSEN_KEYBOARD (widget);
  int natural_width, natural_height;
  int keys_width, keys_height;

  gtk_widget_measure (self->keys, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural_width, NULL, NULL);
  keys_width = MIN (width, MAX (natural_width, self->units * MAX_KEY_WIDTH / UNITS_PER_KEY));
  gtk_widget_measure (self->keys, GTK_ORIENTATION_VERTICAL, keys_width, NULL, &natural_height, NULL, NULL);
  keys_height = MIN (height, natural_height);

  gtk_widget_allocate (self->keys, keys_width, keys_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT ((width - keys_width) / 2,
                                                                            (height - keys_height) / 2)));

  /* A popover is placed by the widget it belongs to. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->vowels)))
    gtk_popover_present (self->vowels);
}

static GtkSizeRequestMode
lotsen_keyboard_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (LOTSEN_KEYBOARD (widget)->keys);
}

static void
lotsen_keyboard_dispose (GObject *object)
{
  LotsenKeyboard *self = LOTSEN_KEYBOARD (object);

  g_clear_weak_pointer (&self->target);
  self->shift_key = NULL;
  g_clear_pointer (&self->keys, gtk_widget_unparent);
  if (self->vowels != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->vowels));
      self->vowels = NULL;
    }

  G_OBJECT_CLASS (lotsen_keyboard_parent_class)->dispose (object);
}

static void
lotsen_keyboard_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LotsenKeyboard *self = LOTSEN_KEYBOARD (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_object (value, lotsen_keyboard_get_target (self));
      break;

    case PROP_LAYOUT:
      g_value_set_string (value, lotsen_keyboard_get_layout (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lotsen_keyboard_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LotsenKeyboard *self = LOTSEN_KEYBOARD (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      lotsen_keyboard_set_target (self, g_value_get_object (value));
      break;

    case PROP_LAYOUT:
      lotsen_keyboard_set_layout (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lotsen_keyboard_class_init (LotsenKeyboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_keyboard_dispose;
  object_class->get_property = lotsen_keyboard_get_property;
  object_class->set_property = lotsen_keyboard_set_property;

  widget_class->measure = lotsen_keyboard_measure;
  widget_class->size_allocate = lotsen_keyboard_size_allocate;
  widget_class->get_request_mode = lotsen_keyboard_get_request_mode;

  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL, GTK_TYPE_EDITABLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYOUT] =
    g_param_spec_string ("layout", NULL, NULL, "sv",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LotsenKeyboard::done:
   *
   * The visitor tapped Done: the text is finished.
   */
  signals[DONE] =
    g_signal_new ("done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "keyboard.type", "s", type_action);
  gtk_widget_class_install_action (widget_class, "keyboard.vowels", "s", vowels_action);
  gtk_widget_class_install_action (widget_class, "keyboard.backspace", NULL, backspace_action);
  gtk_widget_class_install_action (widget_class, "keyboard.shift", NULL, shift_action);
  gtk_widget_class_install_action (widget_class, "keyboard.switch-script", NULL, switch_script_action);
  gtk_widget_class_install_action (widget_class, "keyboard.done", NULL, done_action);

  gtk_widget_class_set_css_name (widget_class, "keyboard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lotsen_keyboard_init (LotsenKeyboard *self)
{
  GtkWidget *box;

  gtk_widget_add_css_class (GTK_WIDGET (self), "keyboard");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  /* Translators: the on-screen keyboard, for a screen reader */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Keyboard"),
                                  -1);

  self->keys = gtk_grid_new ();
  gtk_grid_set_column_homogeneous (GTK_GRID (self->keys), TRUE);
  gtk_grid_set_row_homogeneous (GTK_GRID (self->keys), TRUE);
  gtk_widget_add_css_class (self->keys, "keys");
  gtk_widget_set_parent (self->keys, GTK_WIDGET (self));

  /* The vowel orders of one Ge'ez consonant. */
  self->vowels = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->vowels), "vowels");
  gtk_popover_set_position (self->vowels, GTK_POS_TOP);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  for (guint i = 0; i < N_VOWEL_ORDERS; i++)
    {
      /* Their action comes with their syllables. */
      self->vowel_keys[i] = new_key (NULL, NULL);
      gtk_button_set_label (GTK_BUTTON (self->vowel_keys[i]), "");
      gtk_box_append (GTK_BOX (box), self->vowel_keys[i]);
    }
  gtk_popover_set_child (self->vowels, box);
  gtk_widget_set_parent (GTK_WIDGET (self->vowels), GTK_WIDGET (self));
  set_direction_deep (GTK_WIDGET (self->vowels), GTK_TEXT_DIR_LTR);

  self->layout = self->home = lookup_layout ("sv");
  rebuild (self);
}

GtkWidget *
lotsen_keyboard_new (void)
{
  return g_object_new (LOTSEN_TYPE_KEYBOARD, NULL);
}

/**
 * lotsen_keyboard_get_target:
 *
 * Returns: (transfer none) (nullable): the text field the keys type into
 */
GtkEditable *
lotsen_keyboard_get_target (LotsenKeyboard *self)
{
  g_return_val_if_fail (LOTSEN_IS_KEYBOARD (self), NULL);

  return self->target;
}

/**
 * lotsen_keyboard_set_target:
 * @target: (nullable): a GtkEntry, GtkText or other editable
 *
 * Sends the keys to @target, at its cursor.  The keyboard does not keep
 * @target alive.
 */
void
lotsen_keyboard_set_target (LotsenKeyboard *self,
                            GtkEditable    *target)
{
  g_return_if_fail (LOTSEN_IS_KEYBOARD (self));
  g_return_if_fail (target == NULL || GTK_IS_EDITABLE (target));

  if (g_set_weak_pointer (&self->target, target))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

const char *
lotsen_keyboard_get_layout (LotsenKeyboard *self)
{
  g_return_val_if_fail (LOTSEN_IS_KEYBOARD (self), NULL);

  return self->layout->name;
}

/**
 * lotsen_keyboard_set_layout:
 * @layout: "sv", "latin", "ar", "fa", "ti", "uk", "ps", "ckb", "kmr", "ru" or "digits"
 */
void
lotsen_keyboard_set_layout (LotsenKeyboard *self,
                            const char     *layout)
{
  const Layout *found;

  g_return_if_fail (LOTSEN_IS_KEYBOARD (self));
  g_return_if_fail (layout != NULL);

  found = lookup_layout (layout);
  g_return_if_fail (found != NULL);

  set_layout (self, found);
}

/**
 * lotsen_keyboard_has_layout:
 * @layout: a layout's name
 *
 * Returns: %TRUE if the keyboard has @layout
 */
gboolean
lotsen_keyboard_has_layout (const char *layout)
{
  return layout != NULL && lookup_layout (layout) != NULL;
}

/**
 * lotsen_keyboard_set_layout_for_language:
 * @language_code: a code of the language file, e.g. "ar"
 *
 * Shows the letters of @language_code's script: the layout its line in
 * po/languages.ini names (Dari's is the Persian one); Latin letters for a
 * language without a layout of its own.
 */
void
lotsen_keyboard_set_layout_for_language (LotsenKeyboard *self,
                                         const char     *language_code)
{
  const LotsenLanguage *language = lotsen_i18n_lookup (language_code);

  g_return_if_fail (LOTSEN_IS_KEYBOARD (self));

  if (language != NULL && lotsen_keyboard_has_layout (language->keyboard) &&
      !g_str_equal (language->keyboard, "digits"))
    lotsen_keyboard_set_layout (self, language->keyboard);
  else
    lotsen_keyboard_set_layout (self, "sv");
}
